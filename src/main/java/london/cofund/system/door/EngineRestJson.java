package london.cofund.system.door;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * engine-rest's JSON mapper, configured once.
 *
 * <p>Camunda's own resolver ({@link JacksonConfigurator}) builds a new {@link ObjectMapper} every
 * time engine-rest asks for one: for each request body it reads and each answer it writes. Jackson
 * keeps the (de)serializers it builds in the mapper, so every call built them again: in a profile
 * of Tasklist's task list, reading the filter list's small request body alone took a tenth of the
 * call ({@code docs/performance.md}, "Tasklist's lists"). This resolver comes first (priority 1)
 * and gives the same mapper each time, configured by Camunda's own {@link
 * JacksonConfigurator#configureObjectMapper}: the same date format, the same features, the same
 * modules. An {@code ObjectMapper} may be shared once configured; Jackson copies the date format
 * for each use.
 */
@Component
class EngineRestJson implements ResourceConfigCustomizer {

  @Override
  public void customize(ResourceConfig config) {
    config.register(OneMapper.class);
  }

  /** The one mapper, made on first use, after the starter has set Camunda's date format. */
  @Provider
  @Priority(1)
  @Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
  public static class OneMapper implements ContextResolver<ObjectMapper> {

    private volatile ObjectMapper mapper;

    @Override
    public ObjectMapper getContext(Class<?> type) {
      ObjectMapper configured = mapper;
      if (configured == null) {
        synchronized (this) {
          if (mapper == null) {
            mapper = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
          }
          configured = mapper;
        }
      }
      return configured;
    }
  }
}
