package london.cofund.notification;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes a message from its Thymeleaf templates under {@code templates/mail/}: the subject and the
 * text body in TEXT mode, the HTML body in HTML mode, where {@code th:text} escapes every value.
 *
 * <p>It keeps a template engine of its own, not a bean: a second {@code ITemplateEngine} bean would
 * make Spring Boot drop the one that renders the application's web pages.
 */
@Component
public class MailRenderer {

  private static final String ROOT = "templates/";

  private final SpringTemplateEngine engine = new SpringTemplateEngine();
  private final MailSettings settings;
  private final MailFormat format;

  public MailRenderer(MailSettings settings, Clock clock) {
    this.settings = settings;
    this.format = new MailFormat(clock);
    // Compiles each expression to bytecode once it has run (MIXED mode: where one cannot be
    // compiled, or its compiled form fails, SpEL interprets it as before).
    engine.setEnableSpringELCompiler(true);
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
  }

  private static ClassLoaderTemplateResolver resolver(
      TemplateMode mode, String pattern, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix(ROOT);
    resolver.setTemplateMode(mode);
    resolver.setResolvablePatterns(Set.of("mail/" + pattern));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    resolver.setCheckExistence(true);
    resolver.setOrder(order);
    return resolver;
  }

  /**
   * Writes {@code content} for one recipient.
   *
   * @param content what the message is about
   * @param recipient who it is for
   * @param link where its button points: a task in Tasklist, or Tasklist's home page
   */
  public RenderedMail render(MailContent content, Recipient recipient, String link) {
    return render(content, recipient, link, java.util.Map.of());
  }

  /**
   * Writes {@code content} for one recipient, with values of that recipient's own.
   *
   * @param extra template variables beyond the shared content's (see {@link RecipientExtras})
   * @throws IllegalArgumentException when an extra variable would hide one that every template
   *     relies on
   */
  public RenderedMail render(
      MailContent content, Recipient recipient, String link, Map<String, Object> extra) {
    MailTemplate template = content.template();
    Context context = new Context(Locale.UK);
    context.setVariables(
        Map.of(
            "template",
            template.name(),
            "fmt",
            format,
            "greetingName",
            recipient.name() == null || recipient.name().isBlank() ? "colleague" : recipient.name(),
            "link",
            link == null ? settings.getTasklistBaseUrl() : link,
            "tasklistUrl",
            settings.getTasklistBaseUrl()));
    context.setVariable("round", content.round());
    context.setVariable("proposal", content.proposal());
    context.setVariable("nextRound", content.nextRound());
    context.setVariable("due", content.due() == null ? null : format.date(content.due()));
    context.setVariable("dueDate", content.due());
    context.setVariable("task", content.task());
    extra.forEach(
        (name, value) -> {
          if (context.containsVariable(name)) {
            throw new IllegalArgumentException(
                "Mail variable '" + name + "' is set by MailRenderer itself; name it otherwise");
          }
          context.setVariable(name, value);
        });
    String folder = "mail/" + template.folder() + "/";
    try {
      String subject = MailHeaders.clean(engine.process(folder + "subject.txt", context));
      context.setVariable("subject", subject);
      String text = engine.process(folder + "body.txt", context).strip() + "\n";
      String html = engine.process(folder + "body.html", context);
      return new RenderedMail(subject, tidy(text), html);
    } catch (TemplateProcessingException e) {
      throw new IllegalStateException(
          "Mail template " + template + " could not be written: " + e.getMessage(), e);
    }
  }

  /** No more than one blank line in a row: conditional blocks in the text templates leave gaps. */
  static String tidy(String text) {
    return text.replace("\r\n", "\n").replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n");
  }
}
