package london.cofund.committee;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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

  /** How many laid-out PDFs are kept, the most recently used first. */
  static final int KEPT = 64;

  private final ITemplateEngine templates;

  /**
   * Laid-out PDFs by the SHA-256 of the XHTML they were laid out from: layout is the costly part
   * (about 0.5 ms a bid), and an update that has not changed since its last download need not be
   * laid out again. Any change to what the update says changes its XHTML, and so its key.
   */
  private final Map<String, byte[]> laidOut =
      Collections.synchronizedMap(
          new LinkedHashMap<>(KEPT, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
              return size() > KEPT;
            }
          });

  CommitteeUpdatePdf(ITemplateEngine templates) {
    this.templates = templates;
  }

  /** The PDF's bytes. */
  public byte[] render(CommitteeUpdate update) {
    String xhtml = xhtml(update);
    String key = sha256(xhtml);
    byte[] kept = laidOut.get(key);
    if (kept != null) {
      return kept.clone();
    }
    byte[] bytes = layOut(update, xhtml);
    laidOut.put(key, bytes);
    return bytes.clone();
  }

  private static byte[] layOut(CommitteeUpdate update, String xhtml) {
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

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
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
