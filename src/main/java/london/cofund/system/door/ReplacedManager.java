package london.cofund.system.door;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Replaces one of the engine's managers (its command-scoped sessions) with a subclass of ours: the
 * engine opens the session of the last factory given for its type.
 */
final class ReplacedManager {

  private ReplacedManager() {}

  /** From now on each command gets {@code manager}'s session where it asks for {@code type}. */
  static void install(
      ProcessEngineConfigurationImpl configuration,
      Class<? extends Session> type,
      Supplier<? extends Session> manager) {
    List<SessionFactory> factories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      factories.addAll(configuration.getCustomSessionFactories());
    }
    factories.add(
        new SessionFactory() {
          @Override
          public Class<?> getSessionType() {
            return type;
          }

          @Override
          public Session openSession() {
            return manager.get();
          }
        });
    configuration.setCustomSessionFactories(factories);
  }
}
