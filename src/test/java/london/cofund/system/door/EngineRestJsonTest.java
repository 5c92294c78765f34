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
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.camunda.bpm.engine.rest.dto.task.TaskDto;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * {@link EngineRestJson}: the engine's REST API uses one mapper behind both doors, engine-rest and
 * the webapps' (Tasklist's), configured as Camunda configures it.
 */
@CoFundSpringTest
class EngineRestJsonTest {

  @LocalServerPort int port;
  @Autowired ServletRegistrationBean<ServletContainer> jersey;
  @Autowired ServletWebServerApplicationContext context;

  @Test
  void engineRestGetsTheSameMapperEveryTimeConfiguredAsCamundas() throws Exception {
    // Jersey starts on the first request.
    assertThat(new HttpApi(port).get("/engine-rest/version", "mopac").status()).isEqualTo(200);
    assertOneMapper(providersOf(jersey.getServlet()));
  }

  @Test
  void tasklistsDoorGetsTheSameMapperToo() throws Exception {
    // The webapps' engine API, which Tasklist calls. Its servlet is started here as Tomcat
    // starts it for a first request: a request would also need the webapps to find the engine
    // named "default", which in a JVM holding several test contexts may be another context's.
    Context webapp =
        (Context)
            ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
    Wrapper wrapper = (Wrapper) webapp.findChild("Engine Api");
    ServletContainer engineApi = (ServletContainer) wrapper.allocate();
    wrapper.deallocate(engineApi);
    Providers providers = providersOf(engineApi);
    assertOneMapper(providers);
    // The same mapper as engine-rest's, not one per door.
    assertThat(new HttpApi(port).get("/engine-rest/version", "mopac").status()).isEqualTo(200);
    assertThat(
            providers
                .getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE)
                .getContext(TaskDto.class))
        .isSameAs(
            providersOf(jersey.getServlet())
                .getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE)
                .getContext(TaskDto.class));
  }

  @Test
  void aChangedDateFormatGivesAMapperWithIt() throws Exception {
    EngineRestJson.OneMapper resolver = new EngineRestJson.OneMapper();
    ObjectMapper before = resolver.getContext(TaskDto.class);
    Date date = new Date(1_764_590_400_000L);
    try {
      JacksonConfigurator.setDateFormatString("yyyy-MM-dd");
      ObjectMapper changed = resolver.getContext(TaskDto.class);
      assertThat(changed).isNotSameAs(before);
      assertThat(changed.writeValueAsString(date))
          .isEqualTo(new JacksonConfigurator().getContext(TaskDto.class).writeValueAsString(date));
      assertThat(resolver.getContext(TaskDto.class)).isSameAs(changed);
    } finally {
      JacksonConfigurator.setDateFormatString(JacksonConfigurator.DEFAULT_DATE_FORMAT);
    }
    assertThat(resolver.getContext(TaskDto.class).writeValueAsString(date))
        .isEqualTo(before.writeValueAsString(date));
  }

  private static Providers providersOf(ServletContainer servlet) {
    return servlet.getApplicationHandler().getInjectionManager().getInstance(Providers.class);
  }

  private static void assertOneMapper(Providers providers) throws Exception {
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
