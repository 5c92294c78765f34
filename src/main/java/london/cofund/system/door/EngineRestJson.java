package london.cofund.system.door;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * The engine's REST API's JSON mapper, configured once, behind both of its doors: {@code
 * /engine-rest} and the webapps' {@code /camunda/api/engine}, which Tasklist calls.
 *
 * <p>Camunda's own resolver ({@link JacksonConfigurator}) builds a new {@link ObjectMapper} every
 * time the REST API asks for one: for each request body it reads, each answer it writes, and each
 * resource it makes. Jackson keeps the (de)serializers it builds in the mapper, so every call built
 * them again: in a profile of Tasklist's task list, reading the filter list's small request body
 * took a tenth of the call on {@code /engine-rest} and a fifth on Tasklist's own door, which this
 * did not cover until then ({@code docs/performance.md}, "Tasklist's lists").
 *
 * <p>Jersey finds this class through {@code
 * META-INF/services/org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable} in every JAX-RS
 * application it starts, and registers {@link OneMapper} in each that has Camunda's resolver (the
 * engine's REST API and the webapps' own APIs). The resolver comes first (priority 1) and gives the
 * same mapper each time, configured by Camunda's own {@link
 * JacksonConfigurator#configureObjectMapper}: the same date format, the same features, the same
 * modules. An {@code ObjectMapper} may be shared once configured; Jackson copies the date format
 * for each use.
 */
@ConstrainedTo(RuntimeType.SERVER)
@Priority(1)
public final class EngineRestJson implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (context.getConfiguration().isRegistered(JacksonConfigurator.class)
        && !context.getConfiguration().isRegistered(OneMapper.class)) {
      context.register(OneMapper.class);
    }
  }

  /**
   * The one mapper, made on first use, after the starter has set Camunda's date format; made again
   * should that format ever change, so that it is always configured as Camunda's would be.
   */
  @Provider
  @Priority(1)
  @Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
  public static class OneMapper implements ContextResolver<ObjectMapper> {

    /** A mapper and the date format it was configured with. */
    private record Configured(String dateFormat, ObjectMapper mapper) {}

    private static volatile Configured current;

    @Override
    public ObjectMapper getContext(Class<?> type) {
      Configured configured = current;
      String dateFormat = JacksonConfigurator.dateFormatString;
      if (configured == null || !configured.dateFormat().equals(dateFormat)) {
        configured =
            new Configured(
                dateFormat, JacksonConfigurator.configureObjectMapper(new ObjectMapper()));
        current = configured;
      }
      return configured.mapper();
    }
  }
}
