package london.cofund.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans that every feature shares. */
@Configuration
class SystemConfiguration {

  @Bean
  Clock clock() {
    return new EngineClock();
  }
}
