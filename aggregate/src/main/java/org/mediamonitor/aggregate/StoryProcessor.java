package org.mediamonitor.aggregate;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.mediamonitor.schema.ArticleContribution;
import org.mediamonitor.schema.StoryDelta;
import org.mediamonitor.schema.StoryMembers;
import org.mediamonitor.schema.StoryUpdate;

/**
 * Step 2, keyed by story: the same story from several outlets counts once. The member with the
 * smallest article id represents the story (deterministic, whatever the arrival order); when it
 * leaves, the next takes over. Emits the change of the story's counted contribution, keyed by the
 * jurisdiction, only when it actually changed.
 */
final class StoryProcessor implements Processor<String, StoryUpdate, String, StoryDelta> {

  private ProcessorContext<String, StoryDelta> context;
  private KeyValueStore<String, StoryMembers> store;

  @Override
  public void init(ProcessorContext<String, StoryDelta> context) {
    this.context = context;
    this.store = context.getStateStore(AggregateTopology.STORIES_STORE);
  }

  @Override
  public void process(Record<String, StoryUpdate> record) {
    String storyKey = record.key();
    StoryUpdate update = record.value();
    if (storyKey == null || update == null) {
      return;
    }
    StoryMembers stored = store.get(storyKey);
    TreeMap<String, ArticleContribution> members = new TreeMap<>(stored == null ? Map.of() : stored.getMembers());
    ArticleContribution before = members.isEmpty() ? null : members.firstEntry().getValue();
    if (update.getContribution() == null) {
      members.remove(update.getArticleId());
    } else {
      members.put(update.getArticleId(), update.getContribution());
    }
    ArticleContribution after = members.isEmpty() ? null : members.firstEntry().getValue();
    if (members.isEmpty()) {
      store.delete(storyKey);
    } else {
      store.put(storyKey, new StoryMembers(new HashMap<>(members)));
    }
    if (!Objects.equals(before, after)) {
      StoryDelta delta = new StoryDelta(storyKey, update.getArticleId(), before, after);
      context.forward(record.withKey(AggregateTopology.JURISDICTION).withValue(delta));
    }
  }
}
