package org.mediamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mediamonitor.schema.DeadLetter;

class JsonLinesTest {

  private static ByteArrayInputStream stream(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return new ByteArrayInputStream(all);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void splitsLinesWithoutDecodingThem() throws IOException {
    JsonLines.LineReader reader = new JsonLines.LineReader(stream(utf8("one\r\ntwo\n\nthree")), 100);
    List<String> lines = new ArrayList<>();
    byte[] line;
    while ((line = reader.next()) != null) {
      lines.add(new String(line, StandardCharsets.UTF_8));
    }
    assertThat(lines).containsExactly("one", "two", "", "three");
    assertThat(reader.lineNumber()).isEqualTo(4);
  }

  @Test
  void marksOverlongLinesAndCarriesOn() throws IOException {
    JsonLines.LineReader reader = new JsonLines.LineReader(stream(utf8("x".repeat(200_000) + "\nok\n")), 100_000);
    byte[] first = reader.next();
    assertThat(reader.truncated()).isTrue();
    assertThat(first.length).isLessThanOrEqualTo(DeadLetterSink.MAX_ORIGINAL_BYTES);
    assertThat(new String(reader.next(), StandardCharsets.UTF_8)).isEqualTo("ok");
    assertThat(reader.truncated()).isFalse();
    assertThat(reader.next()).isNull();
  }

  @Test
  void publishesGoodLinesAndDeadLettersBadOnes() throws IOException {
    MockIngest mock = new MockIngest(1000);
    byte[] badUtf8 = {'{', '"', 'b', 'o', 'd', 'y', '"', ':', '"', (byte) 0xFF, '"', '}', '\n'};
    PublishCounts counts = JsonLines.publish(stream(
        utf8("{\"body\": \"First story.\"}\n"),
        utf8("\n"),
        utf8("{\"body\": \"first   STORY.\"}\n"),
        utf8("{\"title\": \"no body\"}\n"),
        badUtf8,
        utf8("{\"body\": \"Second story.\", \"language\": \"kk\"}")), "in.jsonl", mock.ingestor, EntryPoint.JSONL);

    assertThat(counts.published()).isEqualTo(2);
    assertThat(counts.unchanged()).isEqualTo(1);
    assertThat(counts.rejected()).isEqualTo(2);
    assertThat(counts.failed()).isZero();
    assertThat(counts.problems()).hasSize(2);
    assertThat(counts.problems().get(0)).startsWith("line 4: missing_body");
    assertThat(counts.problems().get(1)).startsWith("line 5: invalid_utf8");
    assertThat(mock.articles.history()).extracting(r -> r.value().getBody())
        .containsExactly("First story.", "Second story.");

    List<DeadLetter> letters = mock.deadLetters.history().stream().map(r -> r.value()).toList();
    assertThat(letters).extracting(DeadLetter::getEntryPoint).containsOnly("jsonl");
    assertThat(letters).extracting(DeadLetter::getStage).containsOnly("ingest");
    assertThat(new String(mock.deadLetters.history().get(0).key(), StandardCharsets.UTF_8)).isEqualTo("in.jsonl:4");
    assertThat(letters.get(1).getOriginalValue().array()).containsExactly(java.util.Arrays.copyOf(badUtf8, badUtf8.length - 1));

    assertThat(mock.count(IngestMetrics.PUBLISHED, "entry_point", "jsonl")).isEqualTo(2);
    assertThat(mock.count(IngestMetrics.UNCHANGED, "entry_point", "jsonl")).isEqualTo(1);
    assertThat(mock.count(IngestMetrics.REJECTED, "entry_point", "jsonl", "reason", "missing_body")).isEqualTo(1);
    assertThat(mock.count(IngestMetrics.REJECTED, "entry_point", "jsonl", "reason", "invalid_utf8")).isEqualTo(1);
  }

  @Test
  void countsRecordsTheBrokerDidNotTake() throws IOException {
    MockIngest mock = new MockIngest(1000);
    mock.articles.sendException = new org.apache.kafka.common.errors.TimeoutException("no broker");
    PublishCounts counts = JsonLines.publish(stream(utf8("{\"body\": \"Story.\"}\n")), "-", mock.ingestor,
        EntryPoint.JSONL);
    assertThat(counts.failed()).isEqualTo(1);
    assertThat(counts.complete()).isFalse();
    assertThat(mock.count(IngestMetrics.FAILED, "entry_point", "jsonl")).isEqualTo(1);
  }
}
