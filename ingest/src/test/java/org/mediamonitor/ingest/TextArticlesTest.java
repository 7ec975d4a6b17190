package org.mediamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextArticlesTest {

  @Test
  void readsUrlTitleAndBodyFromText() {
    TextArticles.Fields f = TextArticles.fromText("""

        https://example.kz/news/5
        Editor fined over a post

        The court fined the editor.
        Second line.
        """, false);
    assertThat(f).isEqualTo(new TextArticles.Fields("https://example.kz/news/5", "Editor fined over a post",
        "The court fined the editor.\nSecond line."));
  }

  @Test
  void aFirstLineWithoutABlankLineAfterItIsBody() {
    TextArticles.Fields f = TextArticles.fromText("The court fined the editor.\nSecond line.", false);
    assertThat(f.title()).isNull();
    assertThat(f.url()).isNull();
    assertThat(f.body()).isEqualTo("The court fined the editor.\nSecond line.");
  }

  @Test
  void aLoneLineIsTheBodyNotATitle() {
    assertThat(TextArticles.fromText("Only line\n\n", false)).isEqualTo(new TextArticles.Fields(null, null, "Only line"));
  }

  @Test
  void stripsTheMarkdownHeadingMark() {
    TextArticles.Fields f = TextArticles.fromText("# Heading\r\n\r\nBody *text*.", true);
    assertThat(f.title()).isEqualTo("Heading");
    assertThat(f.body()).isEqualTo("Body *text*.");
  }

  @Test
  void stripsHtmlSimply() {
    TextArticles.Fields f = TextArticles.fromHtml("""
        <!doctype html><html><head><title>Suit against &laquo;Example Times&raquo;</title>
        <link rel="canonical" href="https://example.kz/news/7">
        <style>p { color: red }</style><script>var x = "<p>no</p>";</script></head>
        <body><h1>Heading</h1><p>First&nbsp;paragraph &amp; more.</p><!-- hidden -->
        <p>Second<br>line &#1046; &#x416;</p></body></html>""");
    assertThat(f.title()).isEqualTo("Suit against «Example Times»");
    assertThat(f.url()).isEqualTo("https://example.kz/news/7");
    assertThat(f.body()).isEqualTo("Heading\nFirst paragraph & more.\n\nSecond\nline Ж Ж");
    assertThat(f.body()).doesNotContain("color").doesNotContain("no").doesNotContain("hidden");
  }

  @Test
  void ignoresRelativeCanonicalLinksAndFallsBackToH1() {
    TextArticles.Fields f = TextArticles.fromHtml("<link rel=canonical href=\"/news/7\"><h1>Title <b>here</b></h1><p>x</p>");
    assertThat(f.url()).isNull();
    assertThat(f.title()).isEqualTo("Title here");
  }
}
