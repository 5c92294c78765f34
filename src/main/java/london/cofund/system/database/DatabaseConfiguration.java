package london.cofund.system.database;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who creates the engine's tables. Where the engine does not update its own schema ({@code
 * camunda.bpm.database.schema-update: false}, the {@code prod} profile), Flyway creates them with
 * the engine's scripts, under the same lock as CoFund's own tables ({@link EngineSchemaMigration}).
 * Elsewhere (the demo on H2, the tests) the engine creates them itself, as before.
 */
@Configuration
class DatabaseConfiguration {

  @Bean
  @ConditionalOnProperty(name = "camunda.bpm.database.schema-update", havingValue = "false")
  EngineSchemaMigration engineSchemaMigration() {
    return new EngineSchemaMigration();
  }
}
