package london.cofund.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What applicants type cannot restyle a reviewer's form. */
class MarkdownTest {

  @Test
  void htmlIsEscaped() {
    assertThat(Markdown.escape("<script>alert(1)</script>"))
        .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void markdownMarksAreEscapedAndLinesJoined() {
    assertThat(Markdown.escape("*bold* _it_ `code` # [link](x) | cell\nnext"))
        .isEqualTo("\\*bold\\* \\_it\\_ \\`code\\` \\# \\[link\\](x) \\| cell next");
  }

  @Test
  void nothingIsEmpty() {
    assertThat(Markdown.escape(null)).isEmpty();
  }
}
