package org.mediamonitor.enrich;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.mediamonitor.schema.TaxonomyRelease;

/**
 * Keeps the global taxonomy store a copy of the taxonomy topic, and compiles each new release at
 * once on the global thread, so that tagging tasks find it compiled. Every change of the current
 * release is also announced to the cache, where tagging tasks look for it before each article. It
 * never throws: an invalid release is rejected by the cache and dead-lettered by the first tagging
 * task that sees it (the global thread has no producer).
 */
final class TaxonomyLoader implements Processor<String, TaxonomyRelease, Void, Void> {

  private final TaggerCache cache;
  private KeyValueStore<String, TaxonomyRelease> store;
  private ProcessorContext<Void, Void> context;

  TaxonomyLoader(TaggerCache cache) {
    this.cache = cache;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    this.store = context.getStateStore(EnrichTopology.TAXONOMY_STORE);
    // The store is restored before processors are initialised; should a restore ever bypass
    // process() (it replays through it in Kafka 4.3), the release restored is announced here.
    cache.announce(store.get(EnrichTopology.RELEASE_KEY));
  }

  @Override
  public void process(Record<String, TaxonomyRelease> record) {
    if (record.key() == null) {
      return;
    }
    boolean current = EnrichTopology.RELEASE_KEY.equals(record.key());
    if (record.value() == null) {
      store.delete(record.key());
      if (current) {
        cache.announce(null);
      }
      return;
    }
    store.put(record.key(), record.value());
    if (current) {
      RecordMetadata meta = context.recordMetadata().orElse(null);
      // compiled before it is announced: a task that sees the release finds its tagger ready
      cache.compile(record.value(), meta == null ? null : meta.partition(), meta == null ? null : meta.offset());
      cache.announce(record.value());
    }
  }
}
