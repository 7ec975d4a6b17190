package org.mediamonitor.aggregate;

import java.time.ZoneId;
import java.util.Objects;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.mediamonitor.schema.ArticleContribution;
import org.mediamonitor.schema.EnrichedArticle;
import org.mediamonitor.schema.StoryUpdate;

/**
 * Step 1, keyed by article id: remembers each article's last contribution, so that a new revision
 * replaces it and a tombstone removes it. Emits story updates keyed by story key: a retraction to
 * the old story when the article left it (its content hash changed), and the new contribution.
 */
final class ArticleContributionProcessor implements Processor<String, EnrichedArticle, String, StoryUpdate> {

  private final ZoneId zone;
  private ProcessorContext<String, StoryUpdate> context;
  private KeyValueStore<String, ArticleContribution> store;

  ArticleContributionProcessor(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public void init(ProcessorContext<String, StoryUpdate> context) {
    this.context = context;
    this.store = context.getStateStore(AggregateTopology.ARTICLES_STORE);
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    String articleId = record.key() != null ? record.key()
        : record.value() != null ? record.value().getArticleId() : null;
    if (articleId == null) {
      return; // neither key nor value: nothing to attach it to
    }
    ArticleContribution before = store.get(articleId);
    ArticleContribution after = record.value() == null ? null : Contributions.of(record.value(), zone);
    if (after != null && !articleId.equals(after.getArticleId())) {
      // the key is the table's identity; a value naming another id must not shadow that article
      after = ArticleContribution.newBuilder(after).setArticleId(articleId).build();
    }
    if (Objects.equals(before, after)) {
      return;
    }
    if (after == null) {
      store.delete(articleId);
    } else {
      store.put(articleId, after);
    }
    if (before != null && (after == null || !before.getStoryKey().equals(after.getStoryKey()))) {
      context.forward(record.withKey(before.getStoryKey()).withValue(new StoryUpdate(articleId, null)));
    }
    if (after != null) {
      context.forward(record.withKey(after.getStoryKey()).withValue(new StoryUpdate(articleId, after)));
    }
  }
}
