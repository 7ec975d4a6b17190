package org.mediamonitor.common;

import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A topic declared once, with its serdes and the settings it is created with. Every
 * {@code stream}, {@code to} and client passes these serdes explicitly.
 */
public record Topic<K, V>(
    String name,
    Serde<K> keySerde,
    Serde<V> valueSerde,
    int partitions,
    Map<String, String> configs) {

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
    if (partitions < 1) {
      throw new IllegalArgumentException("topic " + name + ": partitions must be at least 1");
    }
    configs = Map.copyOf(configs);
  }

  public Consumed<K, V> consumed() {
    return Consumed.with(keySerde, valueSerde);
  }

  public Produced<K, V> produced() {
    return Produced.with(keySerde, valueSerde);
  }
}
