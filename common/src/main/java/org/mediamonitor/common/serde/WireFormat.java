package org.mediamonitor.common.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * How records are put on the wire. The default is Avro's single-object encoding, which needs no
 * registry; a schema-registry format can be added by implementing this interface.
 */
public interface WireFormat {

  <T extends SpecificRecord> Serde<T> serde(Class<T> type);

  static WireFormat singleObject() {
    return SingleObjectWireFormat.INSTANCE;
  }

  static WireFormat named(String name) {
    if ("avro-single-object".equals(name)) {
      return singleObject();
    }
    throw new IllegalArgumentException("unknown wire format '" + name + "' (known: avro-single-object)");
  }
}
