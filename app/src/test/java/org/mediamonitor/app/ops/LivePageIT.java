package org.mediamonitor.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mediamonitor.app.RunningPipeline;
import org.mediamonitor.testkit.KafkaBrokerExtension;

/**
 * The live page as a browser renders it: headless Chromium loads {@code /?month=2025-06} from the
 * running pipeline, runs the page's script against the real API and dumps the DOM, which must list
 * the incident just posted and show the system as up. Skipped where no Chromium is installed.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LivePageIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final String MONTH = "2025-06";
  private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/snap/bin/chromium");

  @TempDir
  static Path state;

  static RunningPipeline pipeline;

  @BeforeAll
  static void start() {
    pipeline = RunningPipeline.start(KAFKA, state, "live-page-it");
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void shouldServeThePageAtTheRoot() throws Exception {
    HttpResponse<String> page = pipeline.get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
    Document doc = Jsoup.parse(page.body());
    assertThat(doc.getElementById("incidents")).as("the incidents container").isNotNull();
    assertThat(doc.getElementById("status")).as("the status line").isNotNull();
  }

  @Test
  void shouldRenderAPostedCriminalCaseInItsMonthAndTheSystemUp(@TempDir Path profile) throws Exception {
    Optional<Path> chromium = chromium();
    Assumptions.assumeTrue(chromium.isPresent(),
        "no Chromium found (looked for $CHROMIUM and " + CHROMIUM + "); apt-get install chromium to run this test");

    String id = pipeline.postArticle("https://steppe-herald.example/news/live-page-1", "Steppe Herald",
        "2025-06-03T10:00:00+05:00",
        "Police in Taraz opened a criminal case against blogger Arman Testov under Article 274 of the Criminal "
            + "Code, dissemination of knowingly false information, over a post about the city budget.");
    await().alias("the article listed among " + MONTH + "'s incidents").atMost(Duration.ofSeconds(60))
        .until(() -> pipeline.listsIncidentOf(MONTH, id));

    String dom = dumpDom(chromium.get(), profile, pipeline.base() + "/?month=" + MONTH);
    Document doc = Jsoup.parse(dom);
    assertThat(doc.select("#status[data-status=UP]")).as("status line UP in:\n%s", doc.select("#status").outerHtml())
        .hasSize(1);
    assertThat(doc.select("#incidents [data-article-id=\"" + id + "\"]"))
        .as("the incident of %s in #incidents:\n%s", id, doc.select("#incidents").outerHtml())
        .isNotEmpty();
  }

  private static Optional<Path> chromium() {
    String fromEnv = System.getenv("CHROMIUM");
    return Stream.concat(Stream.ofNullable(fromEnv), CHROMIUM.stream())
        .map(Path::of).filter(Files::isExecutable).findFirst();
  }

  /** Runs the page in headless Chromium with virtual time, so its first fetches settle before the dump. */
  private static String dumpDom(Path chromium, Path profile, String url) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--dump-dom", "--virtual-time-budget=5000", url)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    p.getOutputStream().close();
    // read while it runs, so a large DOM cannot fill the pipe and block the browser
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 60 s");
    }
    assertThat(p.exitValue()).as("chromium exit code").isZero();
    return new String(out.join(), StandardCharsets.UTF_8);
  }

  private static byte[] readAll(InputStream in) {
    try (in; ByteArrayOutputStream buffer = new ByteArrayOutputStream()) {
      in.transferTo(buffer);
      return buffer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
