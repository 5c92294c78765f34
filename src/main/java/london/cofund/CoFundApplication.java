package london.cofund;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * CoFund: London's crime prevention co-commissioning fund as a Camunda 7 process application.
 *
 * <p>{@link EnableProcessApplication} makes the engine deploy what {@code META-INF/processes.xml}
 * lists: every BPMN, DMN and Camunda Form under {@code processes/}. The starter's own
 * auto-deployment would skip the {@code .form} files.
 */
@SpringBootApplication
@EnableProcessApplication("cofund")
@ConfigurationPropertiesScan
public class CoFundApplication {

  public static void main(String[] args) {
    SpringApplication.run(CoFundApplication.class, args);
  }
}
