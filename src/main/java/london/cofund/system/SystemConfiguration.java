package london.cofund.system;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.time.Clock;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans that every feature shares. */
@Configuration
class SystemConfiguration {

  @Bean
  Clock clock() {
    return new EngineClock();
  }

  /**
   * A number or a boolean where text belongs is a wrong type, not text: {@code "title": 42} is a
   * 400 naming {@code title}, as {@code "requestedAmount": "42"} already is (see {@code
   * allow-coercion-of-scalars} in application.yml, which covers numbers and booleans only).
   */
  @Bean
  Jackson2ObjectMapperBuilderCustomizer textIsText() {
    return builder ->
        builder.postConfigurer(
            mapper -> {
              var text = mapper.coercionConfigFor(LogicalType.Textual);
              text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
              text.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
              text.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            });
  }
}
