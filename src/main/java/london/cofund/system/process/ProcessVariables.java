package london.cofund.system.process;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import london.cofund.system.EngineClock;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads task and process variables however a client sent them: Tasklist forms send numbers as
 * numbers and lists as JSON, engine-rest clients may send strings; a list is accepted as a JSON
 * array or as a comma-separated string. A value that cannot be read is a {@link RefusedInput}
 * naming the variable.
 */
public final class ProcessVariables {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProcessVariables() {}

  public static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  public static String requiredString(VariableScope scope, String name, int maxLength) {
    String value = string(scope, name);
    if (value == null) {
      throw invalid(name, "is required");
    }
    if (UserText.length(value) > maxLength) {
      throw invalid(name, "is longer than " + maxLength + " characters");
    }
    return value;
  }

  public static String optionalString(VariableScope scope, String name, int maxLength) {
    String value = string(scope, name);
    if (value != null && UserText.length(value) > maxLength) {
      throw invalid(name, "is longer than " + maxLength + " characters");
    }
    return value;
  }

  /** A required boolean: true/false, or the strings "true"/"false". */
  public static boolean requiredBoolean(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw invalid(name, value == null ? "is required (true or false)" : "must be true or false");
  }

  public static Integer optionalInteger(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    BigDecimal number = decimal(name, value);
    try {
      return number.intValueExact();
    } catch (ArithmeticException e) {
      throw invalid(name, "must be a whole number");
    }
  }

  public static BigDecimal optionalDecimal(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    return decimal(name, value);
  }

  /** A date-time: a Date, or ISO-8601 text with offset; without an offset it is London time. */
  public static OffsetDateTime optionalDateTime(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(EngineClock.LONDON).toOffsetDateTime();
    }
    return parseDateTime(name, value.toString().trim());
  }

  public static OffsetDateTime parseDateTime(String name, String text) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException notWithOffset) {
      try {
        return LocalDateTime.parse(text).atZone(EngineClock.LONDON).toOffsetDateTime();
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(text).atStartOfDay(EngineClock.LONDON).toOffsetDateTime();
        } catch (DateTimeParseException notADate) {
          throw invalid(
              name,
              "'" + text + "' is not an ISO-8601 date-time such as 2017-08-14T17:00:00+01:00");
        }
      }
    }
  }

  /**
   * A list of strings from a JSON array (Spin JSON, a JSON string or a Java collection) or a string
   * with one entry per comma or per line. Blank entries are dropped; an absent variable is an empty
   * list.
   */
  public static List<String> stringList(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    List<String> raw = new ArrayList<>();
    if (value == null) {
      return raw;
    }
    if (value instanceof SpinJsonNode node) {
      value = node.toString();
    }
    if (value instanceof Collection<?> collection) {
      collection.forEach(item -> raw.add(item == null ? "" : itemText(item)));
    } else if (value instanceof String text) {
      String trimmed = text.trim();
      if (trimmed.startsWith("[")) {
        try {
          List<Object> items = JSON.readValue(trimmed, new TypeReference<List<Object>>() {});
          items.forEach(item -> raw.add(item == null ? "" : itemText(item)));
        } catch (Exception e) {
          throw invalid(name, "is neither a JSON array nor a comma-separated list");
        }
      } else {
        raw.addAll(Arrays.asList(trimmed.split("[,\\n]")));
      }
    } else {
      throw invalid(name, "must be a JSON array or a comma-separated string");
    }
    return raw.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
  }

  /** A form's option objects arrive as {label, value}; take the value. */
  private static String itemText(Object item) {
    if (item instanceof java.util.Map<?, ?> map && map.containsKey("value")) {
      return String.valueOf(map.get("value"));
    }
    return item.toString();
  }

  private static BigDecimal decimal(String name, Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    try {
      return new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      throw invalid(name, "must be a number");
    }
  }

  public static RefusedInput invalid(String name, String message) {
    return new RefusedInput(name, message);
  }
}
