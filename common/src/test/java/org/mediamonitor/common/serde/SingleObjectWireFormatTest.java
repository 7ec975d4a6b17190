package org.mediamonitor.common.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.mediamonitor.schema.EnrichedArticle;
import org.mediamonitor.schema.RawArticle;

class SingleObjectWireFormatTest {

  private final Serde<RawArticle> serde = WireFormat.singleObject().serde(RawArticle.class);

  private static RawArticle article() {
    return RawArticle.newBuilder()
        .setId("a1").setUrl("https://example.test/a1").setSource("Steppe Herald").setTitle("t")
        .setBody("A court in Aktobe fined blogger Ivan Testov.").setLanguageHint("en")
        .setPublishedAt(Instant.parse("2025-03-14T04:30:00Z")).setFetchedAt(Instant.parse("2025-03-14T05:00:00Z"))
        .setContentHash("h").setRevision(2).build();
  }

  @Test
  void shouldRoundTripTheCurrentSchemaWithTheSingleObjectHeader() {
    byte[] bytes = serde.serializer().serialize("t", article());

    // the spec's marker C3 01, then the 8-byte fingerprint of the writer schema
    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    long fingerprint = SchemaNormalization.parsingFingerprint64(RawArticle.getClassSchema());
    assertThat(ByteBuffer.wrap(bytes, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong()).isEqualTo(fingerprint);
    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(article());
  }

  @Test
  void shouldReadARecordWrittenWithTheFirstVersionOfTheSchema() throws IOException {
    Schema v1 = SingleObjectWireFormat.history(RawArticle.getClassSchema()).get(0);
    assertThat(v1.getField("revision")).isNull();
    GenericRecord old = new GenericData.Record(v1);
    old.put("id", "old-1");
    old.put("body", "Written by version one.");
    old.put("fetchedAt", Instant.parse("2024-01-02T03:04:05Z").toEpochMilli());
    byte[] bytes = encodeGeneric(v1, old);

    RawArticle read = serde.deserializer().deserialize("t", bytes);

    assertThat(read.getId()).isEqualTo("old-1");
    assertThat(read.getBody()).isEqualTo("Written by version one.");
    assertThat(read.getFetchedAt()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
    // fields added in version 2 take their defaults
    assertThat(read.getRevision()).isEqualTo(1);
    assertThat(read.getContentHash()).isEmpty();
  }

  @Test
  void shouldReadAnEnrichedArticleWrittenBeforeIncidentsHadTheSummaryFlag() throws IOException {
    Schema v1 = SingleObjectWireFormat.history(EnrichedArticle.getClassSchema()).get(0);
    assertThat(v1.getField("incidents").schema().getElementType().getField("summary")).isNull();
    assertThat(SchemaNormalization.parsingFingerprint64(v1))
        .isNotEqualTo(SchemaNormalization.parsingFingerprint64(EnrichedArticle.getClassSchema()));

    EnrichedArticle read = readEnrichedWrittenWith(v1, Map.of("legalBasis", List.of("KZ-CC-274")));

    assertThat(read.getArticleId()).isEqualTo("old-enriched-1");
    assertThat(read.getIncidents()).singleElement().satisfies(i -> {
      assertThat(i.getLegalBasis()).containsExactly("KZ-CC-274");
      assertThat(i.getSummary()).as("added in v2 with default false").isFalse();
      assertThat(i.getBackground()).as("added in v3 with default false").isFalse();
    });
  }

  @Test
  void shouldReadAnEnrichedArticleWrittenBeforeIncidentsHadTheBackgroundFlag() throws IOException {
    Schema v2 = SingleObjectWireFormat.history(EnrichedArticle.getClassSchema()).get(1);
    Schema incidentV2 = v2.getField("incidents").schema().getElementType();
    assertThat(incidentV2.getField("summary")).isNotNull();
    assertThat(incidentV2.getField("background")).isNull();

    EnrichedArticle read = readEnrichedWrittenWith(v2, Map.of("summary", true));

    assertThat(read.getIncidents()).singleElement().satisfies(i -> {
      assertThat(i.getSummary()).isTrue();
      assertThat(i.getBackground()).as("added in v3 with default false").isFalse();
    });
  }

  /** An enriched article of one incident written with an earlier schema, read with the current one. */
  private static EnrichedArticle readEnrichedWrittenWith(Schema writer, Map<String, Object> incidentFields)
      throws IOException {
    GenericRecord incident = new GenericData.Record(writer.getField("incidents").schema().getElementType());
    incident.put("index", 0);
    incident.put("start", 0);
    incident.put("end", 40);
    incident.put("violationTypes", List.of("criminal_prosecution"));
    incident.put("legalBasis", List.of());
    incident.put("charges", List.of());
    incident.put("evidence", List.of());
    incidentFields.forEach(incident::put);
    GenericRecord old = new GenericData.Record(writer);
    old.put("articleId", "old-enriched-1");
    old.put("fetchedAt", Instant.parse("2024-01-02T03:04:05Z").toEpochMilli());
    old.put("enrichedAt", Instant.parse("2024-01-02T03:04:06Z").toEpochMilli());
    old.put("contentHash", "h");
    old.put("revision", 1);
    old.put("language", "en");
    old.put("onTopic", true);
    old.put("incidents", List.of(incident));
    old.put("evidence", List.of());
    old.put("taxonomyVersion", "2025.3.0");
    return WireFormat.singleObject().serde(EnrichedArticle.class).deserializer()
        .deserialize("t", encodeGeneric(writer, old));
  }

  @Test
  void shouldRejectAnUnknownFingerprintWithAClearError() {
    byte[] bytes = serde.serializer().serialize("t", article());
    bytes[5] ^= 0x7F;
    assertThatThrownBy(() -> serde.deserializer().deserialize("raw", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("RawArticle")
        .hasMessageContaining("raw");
  }

  @Test
  void shouldRejectTruncatedBytes() {
    byte[] bytes = serde.serializer().serialize("t", article());
    byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", truncated))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void shouldPassTombstonesThrough() {
    assertThat(serde.serializer().serialize("t", null)).isNull();
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
  }

  private static byte[] encodeGeneric(Schema schema, GenericRecord record) throws IOException {
    BinaryMessageEncoder<GenericRecord> encoder = new BinaryMessageEncoder<>(GenericData.get(), schema);
    ByteBuffer buf = encoder.encode(record);
    byte[] out = new byte[buf.remaining()];
    buf.get(out);
    return out;
  }
}
