package london.cofund.system.door;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Providers;
import java.util.Date;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import org.camunda.bpm.engine.rest.dto.task.TaskDto;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/** {@link EngineRestJson}: engine-rest uses one mapper, configured as Camunda configures it. */
@CoFundSpringTest
class EngineRestJsonTest {

  @LocalServerPort int port;
  @Autowired ServletRegistrationBean<ServletContainer> jersey;

  @Test
  void engineRestGetsTheSameMapperEveryTimeConfiguredAsCamundas() throws Exception {
    // Jersey starts on the first request.
    assertThat(new HttpApi(port).get("/engine-rest/version", "mopac").status()).isEqualTo(200);
    Providers providers =
        jersey
            .getServlet()
            .getApplicationHandler()
            .getInjectionManager()
            .getInstance(Providers.class);

    for (MediaType type :
        new MediaType[] {MediaType.APPLICATION_JSON_TYPE, Hal.APPLICATION_HAL_JSON_TYPE}) {
      ContextResolver<ObjectMapper> resolver =
          providers.getContextResolver(ObjectMapper.class, type);
      ObjectMapper first = resolver.getContext(TaskDto.class);
      assertThat(resolver.getContext(TaskDto.class)).as(type.toString()).isSameAs(first);

      ObjectMapper camundas = new JacksonConfigurator().getContext(TaskDto.class);
      Date date = new Date(1_764_590_400_000L);
      assertThat(first.writeValueAsString(date)).isEqualTo(camundas.writeValueAsString(date));
      assertThat(first.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).isFalse();
    }
  }
}
