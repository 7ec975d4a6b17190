package org.mediamonitor.enrich;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.mediamonitor.schema.TaxonomyRelease;

/**
 * Keeps the global taxonomy store a copy of the taxonomy topic, and compiles each new release at
 * once on the global thread, so that tagging tasks find it compiled. It never throws: an invalid
 * release is rejected by the cache and dead-lettered by the first tagging task that sees it
 * (the global thread has no producer).
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
  }

  @Override
  public void process(Record<String, TaxonomyRelease> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      store.delete(record.key());
      return;
    }
    store.put(record.key(), record.value());
    if (EnrichTopology.RELEASE_KEY.equals(record.key())) {
      RecordMetadata meta = context.recordMetadata().orElse(null);
      cache.compile(record.value(), meta == null ? null : meta.partition(), meta == null ? null : meta.offset());
    }
  }
}
