package london.cofund.system.process;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Text that people wrote, as a process variable. Camunda keeps a string variable in a 4,000
 * character column (and its history too), so a long comment, or a short one in 4-byte characters,
 * would break the step that stores it. Text travels instead as a JSON-serialised {@code String},
 * which the engine keeps in a byte array of any length and which reads back as a plain {@code
 * String}.
 */
public final class UserText {

  private UserText() {}

  /** The variable value for a person's text. */
  public static TypedValue of(String text) {
    return Variables.objectValue(text)
        .serializationDataFormat(SerializationDataFormats.JSON)
        .create();
  }

  /** Characters as people count them (Unicode code points, so an emoji is one). */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
