package london.cofund.committee;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The committee update as PDF: the page's content ({@code templates/committee/update-content.html})
 * in a print frame of its own ({@code templates/committee/update-pdf.html}, well-formed XHTML with
 * inline CSS), laid out by OpenHTMLtoPDF on PDFBox. It uses the PDF's built-in Helvetica, so it
 * needs no font files; £ is among its characters.
 */
@Component
public class CommitteeUpdatePdf {

  static final String TEMPLATE = "committee/update-pdf";

  private final ITemplateEngine templates;

  CommitteeUpdatePdf(ITemplateEngine templates) {
    this.templates = templates;
  }

  /** The PDF's bytes. */
  public byte[] render(CommitteeUpdate update) {
    String xhtml = xhtml(update);
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withProducer("CoFund");
      builder.withHtmlContent(xhtml, null);
      builder.toStream(pdf);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "The committee update for " + update.gssCode() + " could not be laid out as PDF", e);
    }
    return pdf.toByteArray();
  }

  /** The XHTML that the PDF is laid out from. */
  String xhtml(CommitteeUpdate update) {
    Context context = new Context(Locale.UK);
    context.setVariable("update", update);
    context.setVariable("format", UpdateFormat.INSTANCE);
    return templates.process(TEMPLATE, context);
  }

  /** The attachment's name: {@code committee-update-<round>-<borough>.pdf}, in safe characters. */
  public static String fileName(CommitteeUpdate update) {
    return ("committee-update-" + update.roundId() + "-" + update.boroughName())
            .replaceAll("[^A-Za-z0-9._-]+", "-")
            .replaceAll("-{2,}", "-")
        + ".pdf";
  }
}
