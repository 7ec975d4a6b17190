package org.mediamonitor.common.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro single-object encoding (a two-byte marker, the writer schema's 64-bit fingerprint, then the
 * binary datum). The decoder knows the current schema and every earlier version kept under
 * {@code schema-history/<Name>/v<N>.avsc} in the schemas jar, so old records still read.
 */
final class SingleObjectWireFormat implements WireFormat {

  static final SingleObjectWireFormat INSTANCE = new SingleObjectWireFormat();

  private final Map<Class<?>, Serde<?>> serdes = new ConcurrentHashMap<>();

  @Override
  @SuppressWarnings("unchecked")
  public <T extends SpecificRecord> Serde<T> serde(Class<T> type) {
    return (Serde<T>) serdes.computeIfAbsent(type, t -> build((Class<T>) t));
  }

  private static <T extends SpecificRecord> Serde<T> build(Class<T> type) {
    SpecificData model = SpecificData.getForClass(type);
    Schema current = model.getSchema(type);
    BinaryMessageEncoder<T> encoder = new BinaryMessageEncoder<>(model, current);
    BinaryMessageDecoder<T> decoder = new BinaryMessageDecoder<>(model, current);
    for (Schema earlier : history(current)) {
      decoder.addSchema(earlier);
    }
    Serializer<T> serializer = (topic, value) -> {
      if (value == null) {
        return null; // a tombstone
      }
      try {
        ByteBuffer buffer = encoder.encode(value);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
      } catch (IOException | RuntimeException e) {
        throw new SerializationException("cannot encode " + current.getName() + " for topic " + topic + ": " + e.getMessage(), e);
      }
    };
    Deserializer<T> deserializer = (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return decoder.decode(bytes);
      } catch (IOException | RuntimeException e) {
        throw new SerializationException("cannot decode " + current.getName() + " from topic " + topic + ": " + e.getMessage(), e);
      }
    };
    return Serdes.serdeFrom(serializer, deserializer);
  }

  /** Earlier versions v1, v2, ... of a schema, read from the schemas jar until one is missing. */
  static List<Schema> history(Schema current) {
    List<Schema> versions = new ArrayList<>();
    for (int v = 1; ; v++) {
      String path = "schema-history/" + current.getName() + "/v" + v + ".avsc";
      try (InputStream in = SingleObjectWireFormat.class.getClassLoader().getResourceAsStream(path)) {
        if (in == null) {
          return versions;
        }
        versions.add(new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + path, e);
      }
    }
  }
}
