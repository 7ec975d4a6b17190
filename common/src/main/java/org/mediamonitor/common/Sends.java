package org.mediamonitor.common;

import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** A producer send as a future that also fails when the record cannot even be enqueued. */
public final class Sends {

  private Sends() {}

  /** Completes when the broker acknowledged the record; fails on any send error, thrown or called back. */
  public static <K, V> CompletableFuture<Void> send(Producer<K, V> producer, ProducerRecord<K, V> record) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      producer.send(record, (metadata, error) -> {
        if (error != null) {
          done.completeExceptionally(error);
        } else {
          done.complete(null);
        }
      });
    } catch (RuntimeException e) {
      // send throws when it cannot enqueue: metadata not available within max.block.ms, record too large
      done.completeExceptionally(e);
    }
    return done;
  }
}
