package london.cofund.system;

/** Markdown for the task forms' briefs. */
public final class Markdown {

  private Markdown() {}

  /** Escapes Markdown and HTML in text that users typed, so that it cannot restyle a form. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("\\", "\\\\")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replaceAll("([*_`#\\[\\]|])", "\\\\$1")
        .replaceAll("\\R", " ");
  }
}
