package london.cofund.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Documents stored as JSON text in the application's tables (lists, forms, recommendations). */
@Component
public class JsonColumns {

  private final ObjectMapper json;

  JsonColumns(ObjectMapper json) {
    this.json = json;
  }

  public String write(Object value) {
    try {
      return value == null ? null : json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON column", e);
    }
  }

  public <T> T read(String text, TypeReference<T> type) {
    try {
      return text == null ? null : json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read JSON column", e);
    }
  }
}
