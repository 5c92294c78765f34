package london.cofund.opendata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identifiers of the 360Giving export ({@code cofund.open-data.*}). 360Giving gives each publisher
 * a prefix on registration; until MOPAC registers one, CoFund publishes under {@code 360G-CoFund}.
 *
 * @param prefix the publisher's 360Giving prefix: grant ids are {@code <prefix>-<reference>}, and
 *     organisations without a registered identifier are {@code <prefix>-ORG-<name>}
 * @param funderId MOPAC's organisation identifier; blank means {@code <prefix>-ORG-MOPAC}, until
 *     MOPAC's own identifier from an org-id.guide list is confirmed
 * @param funderName the funder's name as published
 */
@ConfigurationProperties("cofund.open-data")
public record OpenDataProperties(
    @DefaultValue("360G-CoFund") String prefix,
    @DefaultValue("") String funderId,
    @DefaultValue("Mayor's Office for Policing and Crime") String funderName) {

  /** MOPAC's identifier as published. */
  public String funder() {
    return funderId == null || funderId.isBlank() ? prefix + "-ORG-MOPAC" : funderId;
  }
}
