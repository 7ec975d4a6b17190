package org.mediamonitor.ingest.feed;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.mediamonitor.schema.FeedCheckpoint;

/** Where feed checkpoints live: {@link KafkaCheckpointStore} in production, a map in unit tests. */
public interface CheckpointStore extends AutoCloseable {

  /** Every checkpoint saved before, by feed URL. */
  Map<String, FeedCheckpoint> load();

  /** Completes once the checkpoint is durably stored. */
  CompletableFuture<Void> save(FeedCheckpoint checkpoint);

  @Override
  void close();
}
