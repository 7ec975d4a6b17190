package org.mediamonitor.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedHttpTest {

  private FeedServer server;

  @BeforeEach
  void setUp() throws Exception {
    server = new FeedServer();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void shouldRefuseToFetchAPageOnAPrivateAddressByDefault() {
    FeedHttp http = new FeedHttp(Duration.ofSeconds(5), "test-agent", 1 << 20, 1 << 20);
    server.put("/page", "<html><body><article><p>Invented page text.</p></article></body></html>", "text/html");

    assertThatThrownBy(() -> http.fetchPageText(URI.create(server.url("/page"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("private address")
        .hasMessageContaining(FeedConfig.PAGE_ALLOW_PRIVATE);
    assertThatThrownBy(() -> http.checkPublic(URI.create("http://10.1.2.3/x"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> http.checkPublic(URI.create("http://169.254.169.254/latest/meta-data/")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> http.checkPublic(URI.create("http://[::1]/x"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldFollowARedirectHopByHopWhenAllowed() throws Exception {
    FeedHttp http = new FeedHttp(Duration.ofSeconds(5), "test-agent", 1 << 20, 1 << 20, true);
    server.put("/page", "<html><body><article><p>Invented page text about a court hearing in Oral.</p></article>"
        + "</body></html>", "text/html");
    server.redirect("/old", "/page");

    assertThat(http.fetchPageText(URI.create(server.url("/old")))).contains("court hearing in Oral");
  }
}
