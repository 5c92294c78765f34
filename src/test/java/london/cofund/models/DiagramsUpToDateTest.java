package london.cofund.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pictures in {@code docs/diagrams/} show the models as they are. Each model's render writes
 * {@code docs/diagrams/<model>.sha256}, the SHA-256 of the model it was drawn from; a model changed
 * since its last render fails here. Rendering needs a browser, so this test only compares hashes.
 */
class DiagramsUpToDateTest {

  static final Path DIAGRAMS = Path.of("docs", "diagrams");
  static final String REGENERATE = "cd tools/bpmnlint && npm ci && npm run diagrams";

  static List<Path> models() throws IOException {
    return ProcessModelsTest.models();
  }

  @ParameterizedTest
  @MethodSource("models")
  void diagramIsRenderedFromTheModelAsItIs(Path model) throws IOException {
    String name = model.getFileName().toString().replaceFirst("\\.bpmn$", "");
    Path png = DIAGRAMS.resolve(name + ".png");
    Path recorded = DIAGRAMS.resolve(name + ".sha256");

    assertThat(png).as("%s has no picture: run %s", model, REGENERATE).exists();
    assertThat(recorded).as("%s has no recorded hash: run %s", model, REGENERATE).exists();
    assertThat(Files.readString(recorded).split("\\s+")[0])
        .as(
            "docs/diagrams/%s.png is stale: %s changed since it was drawn; run %s",
            name, model, REGENERATE)
        .isEqualTo(sha256(model));
  }

  /** Line endings as LF, as the renderer hashes them, so that a CRLF checkout agrees. */
  static String sha256(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
