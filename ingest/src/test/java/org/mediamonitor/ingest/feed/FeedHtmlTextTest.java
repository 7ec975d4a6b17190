package org.mediamonitor.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedHtmlTextTest {

  private static final String LONG_PARAGRAPH = "The regional court in the invented city of Ortalyk heard the case"
      + " of the editor Gulnar Omarova, charged with spreading false information after her outlet published"
      + " a report on a local land deal. The hearing was adjourned until next week.";

  @Test
  void shouldPreferTheArticleElementAndDropScriptsStylesAndNavigation() {
    String html = "<html><head><title>t</title><style>p{color:red}</style><script>var secret='x';</script></head>"
        + "<body><nav><p>Home | Politics | Sport | Weather and a long menu text that is not the article</p></nav>"
        + "<header>Site header</header>"
        + "<article><h1>Editor charged</h1><p>" + LONG_PARAGRAPH + "</p><script>track()</script>"
        + "<p>Her lawyer,\n   Yerlan Dauletov, called the charge absurd.</p></article>"
        + "<aside><p>Most read: something else entirely</p></aside><footer>(c) Invented Media</footer></body></html>";

    String text = HtmlText.mainText(html, "https://ortalyk.example/a/1");

    assertThat(text).isEqualTo("Editor charged\n\n" + LONG_PARAGRAPH
        + "\n\nHer lawyer, Yerlan Dauletov, called the charge absurd.");
  }

  @Test
  void shouldTakeTheLargestBlockOfParagraphsWhenThereIsNoArticle() {
    String html = "<html><body>"
        + "<div class='teaser'><p>Short teaser one.</p><p>Short teaser two.</p></div>"
        + "<div class='story'><p>" + LONG_PARAGRAPH + "</p><p>Second paragraph of the story.</p></div>"
        + "<div class='comments'><p>Nice.</p></div>"
        + "</body></html>";

    assertThat(HtmlText.mainText(html, null)).isEqualTo(LONG_PARAGRAPH + "\n\nSecond paragraph of the story.");
  }

  @Test
  void shouldIgnoreATeaserArticleAndFallBackToParagraphs() {
    String html = "<html><body><article><p>Related: a teaser</p></article>"
        + "<main><p>" + LONG_PARAGRAPH + "</p></main></body></html>";

    assertThat(HtmlText.mainText(html, null)).isEqualTo(LONG_PARAGRAPH);
  }

  @Test
  void shouldReturnNullForAPageWithoutText() {
    assertThat(HtmlText.mainText("<html><body><script>x()</script><nav>menu</nav></body></html>", null)).isNull();
  }

  @Test
  void shouldConvertFragmentsAndPassPlainTextThrough() {
    assertThat(HtmlText.fragment("<p>One &amp; two</p><p>Three<br>four</p>")).isEqualTo("One & two\n\nThree\n\nfour");
    assertThat(HtmlText.fragment("Plain text, no markup.")).isEqualTo("Plain text, no markup.");
    assertThat(HtmlText.fragment("   ")).isNull();
  }
}
