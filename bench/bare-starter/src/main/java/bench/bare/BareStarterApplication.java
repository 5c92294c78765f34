package bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A bare Camunda 7 Spring Boot starter with webapps: the start-up benchmark's baseline. */
@SpringBootApplication
public class BareStarterApplication {

  public static void main(String[] args) {
    SpringApplication.run(BareStarterApplication.class, args);
  }
}
