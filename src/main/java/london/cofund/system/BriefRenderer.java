package london.cofund.system;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes the Markdown brief that each task's form shows first ({@code taskBrief}) from a Thymeleaf
 * text template in {@code templates/briefs/}, beside the mail templates. People's text is escaped
 * in the template with {@code md.e(...)} ({@link Markdown#escape}), so that it cannot restyle a
 * form; facts are formatted with {@code fmt} ({@link Formats}, {@link Scores}).
 *
 * <p>Like the mail renderer, it keeps an engine of its own, not a bean, so that Spring Boot's web
 * template engine stays as it is.
 */
@Component
public class BriefRenderer {

  private final SpringTemplateEngine engine = new SpringTemplateEngine();

  public BriefRenderer() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/briefs/");
    resolver.setSuffix(".md");
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setResolvablePatterns(Set.of("*"));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    resolver.setCheckExistence(true);
    engine.addTemplateResolver(resolver);
    // As the mail renderer: expressions compiled once they have run, interpreted where they cannot.
    engine.setEnableSpringELCompiler(true);
  }

  /** The brief of template {@code name} (without {@code .md}) for these variables. */
  public String render(String name, Map<String, ?> variables) {
    Context context = new Context(Locale.UK);
    variables.forEach(context::setVariable);
    context.setVariable("md", MARKDOWN);
    context.setVariable("fmt", FORMATS);
    return engine.process(name, context);
  }

  private static final MarkdownHelper MARKDOWN = new MarkdownHelper();
  private static final FormatHelper FORMATS = new FormatHelper();

  /** {@code md.e(text)}: people's text, escaped. */
  public static final class MarkdownHelper {
    public String e(String text) {
      return Markdown.escape(text);
    }
  }

  /**
   * {@code fmt.money(...)}, {@code fmt.dateTime(...)}, {@code fmt.score(...)}, {@code
   * fmt.total(...)}.
   */
  public static final class FormatHelper {
    public String money(Long amount) {
      return Formats.money(amount);
    }

    public String pence(Long pence) {
      return Formats.pence(pence);
    }

    public String dateTime(OffsetDateTime value) {
      return Formats.dateTime(value);
    }

    public String duration(java.time.Duration value) {
      return Formats.duration(value);
    }

    public String cycle(String value) {
      return Formats.cycle(value);
    }

    public String score(BigDecimal score) {
      return Formats.score(score);
    }

    public String total(BigDecimal total) {
      return Scores.ofTotal(total);
    }
  }
}
