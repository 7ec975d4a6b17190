package org.mediamonitor.app.bench;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The benchmark's baseline: copies a topic to another, bytes unchanged, with no decoding. What the
 * pipeline cannot beat on the same broker under the same exactly-once settings.
 */
final class PassThroughTopology {

  static final String SOURCE = "bench-passthrough-source";
  static final String SINK = "bench-passthrough-sink";

  private PassThroughTopology() {}

  static Topology build(String input, String output) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(SOURCE))
        .to(output, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(SINK));
    return builder.build();
  }
}
