package london.cofund.identity;

import london.cofund.identity.DemoUsers.DemoUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prints where to go and the demo logins once the demo is up, saying plainly that they are for
 * demonstration only.
 */
@Component
@ConditionalOnProperty(name = "cofund.demo.users-enabled", havingValue = "true")
class DemoLoginsBanner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoLoginsBanner.class);

  private final String baseUrl;

  DemoLoginsBanner(@Value("${cofund.public-base-url}") String baseUrl) {
    this.baseUrl = baseUrl;
  }

  @EventListener(ApplicationReadyEvent.class)
  void print() {
    StringBuilder text = new StringBuilder();
    text.append("\n\n  CoFund is running with DEMO DATA.")
        .append("\n  Tasklist, Cockpit, Admin: ")
        .append(baseUrl)
        .append("/camunda/app/")
        .append("\n  API:                      ")
        .append(baseUrl)
        .append("/api/rounds")
        .append("\n  Sent mail (mopac, admin): ")
        .append(baseUrl)
        .append("/mailbox")
        .append("\n\n  Demo logins - FOR DEMONSTRATION ONLY, every password is '")
        .append(DemoUsers.PASSWORD)
        .append("'; never use this profile with real data:");
    for (DemoUser user : DemoUsers.ALL) {
      text.append(String.format("%n    %-12s %s", user.id(), String.join(", ", user.groups())));
    }
    LOG.warn(text.append("\n").toString());
  }
}
