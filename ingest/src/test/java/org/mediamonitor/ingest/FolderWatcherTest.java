package org.mediamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mediamonitor.schema.RawArticle;

/** The scan logic, driven by hand (the scanning thread is not started). */
class FolderWatcherTest {

  @TempDir
  Path dir;

  private MockIngest mock;
  private FolderWatcher watcher;

  @BeforeEach
  void setUp() throws IOException {
    mock = new MockIngest(10_000);
    watcher = new FolderWatcher(dir, Duration.ZERO, mock.ingestor, Clock.fixed(MockIngest.NOW, ZoneOffset.UTC));
    Files.createDirectories(dir.resolve(FolderWatcher.DONE));
    Files.createDirectories(dir.resolve(FolderWatcher.FAILED));
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void readsAFileOnlyOnceItsSizeHeldBetweenScans() throws IOException {
    write("a.txt", "Body of the story.");
    watcher.scan();
    assertThat(mock.articles.history()).isEmpty();
    assertThat(dir.resolve("a.txt")).exists();
    Files.writeString(dir.resolve("a.txt"), " More.", java.nio.file.StandardOpenOption.APPEND);
    watcher.scan();
    assertThat(mock.articles.history()).isEmpty();
    watcher.scan();
    assertThat(mock.articles.history()).extracting(r -> r.value().getBody()).containsExactly("Body of the story. More.");
    assertThat(dir.resolve("a.txt")).doesNotExist();
    assertThat(dir.resolve("done/a.txt")).exists();
  }

  @Test
  void publishesEachSupportedFileOnceAndMovesItToDone() throws IOException {
    write("story.txt", "https://example.kz/news/1\nTitle line\n\nBody one.");
    write("story.md", "# Heading\n\nBody two.");
    write("story.html", "<title>T3</title><p>Body three.</p>");
    write("story.json", "{\"body\": \"Body four.\", \"language\": \"en\"}");
    write("stories.jsonl", "{\"body\": \"Body five.\"}\n{\"body\": \"Body six.\"}\n");
    write("notes.docx", "ignored");
    write(".hidden.txt", "ignored");
    watcher.scan();
    watcher.scan();
    watcher.scan();

    assertThat(mock.articles.history()).extracting(r -> r.value().getBody())
        .containsExactlyInAnyOrder("Body one.", "Body two.", "Body three.", "Body four.", "Body five.", "Body six.");
    RawArticle txt = mock.articles.history().stream().map(r -> r.value())
        .filter(v -> v.getBody().equals("Body one.")).findFirst().orElseThrow();
    assertThat(txt.getUrl()).isEqualTo("https://example.kz/news/1");
    assertThat(txt.getTitle()).isEqualTo("Title line");
    assertThat(dir.resolve("done")).isDirectoryContaining("glob:**/story.txt").isDirectoryContaining("glob:**/story.md")
        .isDirectoryContaining("glob:**/story.html").isDirectoryContaining("glob:**/story.json")
        .isDirectoryContaining("glob:**/stories.jsonl");
    assertThat(dir.resolve("notes.docx")).exists();
    assertThat(dir.resolve(".hidden.txt")).exists();
    assertThat(mock.deadLetters.history()).isEmpty();
    assertThat(mock.count(IngestMetrics.PUBLISHED, "entry_point", "folder")).isEqualTo(6);
  }

  @Test
  void aFileDroppedAgainIsUnchangedAndGetsAFreeNameInDone() throws IOException {
    write("a.txt", "Body.");
    watcher.scan();
    watcher.scan();
    write("a.txt", "Body.");
    watcher.scan();
    watcher.scan();
    assertThat(mock.articles.history()).hasSize(1);
    assertThat(dir.resolve("done/a.txt")).exists();
    assertThat(dir.resolve("done/a-1.txt")).exists();
    assertThat(mock.count(IngestMetrics.UNCHANGED, "entry_point", "folder")).isEqualTo(1);
  }

  @Test
  void aBadFileGoesToFailedWithANoteAndADeadLetter() throws IOException {
    write("bad.json", "{\"body\": \"x\", \"language\": \"fr\"}");
    write("mixed.jsonl", "{\"body\": \"Good line.\"}\nnot json\n");
    watcher.scan();
    watcher.scan();

    assertThat(dir.resolve("failed/bad.json")).exists();
    assertThat(Files.readString(dir.resolve("failed/bad.json.error.txt"))).contains("invalid_language")
        .contains("language");
    assertThat(dir.resolve("failed/mixed.jsonl")).exists();
    assertThat(Files.readString(dir.resolve("failed/mixed.jsonl.error.txt"))).contains("line 2: invalid_json")
        .contains("published 1");
    assertThat(mock.articles.history()).extracting(r -> r.value().getBody()).containsExactly("Good line.");
    assertThat(mock.deadLetters.history()).extracting(r -> r.value().getEntryPoint()).containsOnly("folder");
    assertThat(mock.deadLetters.history()).hasSize(2);
    assertThat(mock.count(IngestMetrics.REJECTED, "entry_point", "folder", "reason", "invalid_json")).isEqualTo(1);
  }

  @Test
  void keepsTheFileWhenTheBrokerDoesNotAcknowledge() throws IOException {
    mock.articles.sendException = new org.apache.kafka.common.errors.TimeoutException("no broker");
    write("a.txt", "Body.");
    watcher.scan();
    watcher.scan();
    assertThat(dir.resolve("a.txt")).exists();
    assertThat(dir.resolve("done")).isEmptyDirectory();
    assertThat(dir.resolve("failed")).isEmptyDirectory();
    mock.articles.sendException = null;
    watcher.scan();
    watcher.scan();
    assertThat(dir.resolve("done/a.txt")).exists();
  }
}
