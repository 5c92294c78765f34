package london.cofund.system;

import java.time.Clock;
import london.cofund.system.process.RefusalStatusFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans that every feature shares. */
@Configuration
class SystemConfiguration {

  @Bean
  Clock clock() {
    return new EngineClock();
  }

  /** A refused task completion answers 400 on engine-rest and in Tasklist, as on the API. */
  @Bean
  FilterRegistrationBean<RefusalStatusFilter> refusalStatus() {
    FilterRegistrationBean<RefusalStatusFilter> registration = new FilterRegistrationBean<>(new RefusalStatusFilter());
    registration.setName("refusal-status");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    return registration;
  }
}
