package london.cofund.committee;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import london.cofund.borough.LondonBorough;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Who receives the committee updates ({@code cofund.committee.*}): a list of scrutiny committees,
 * each with the borough whose update it gets. An empty list (the default) sends nothing. A
 * recipient without a valid address or a London borough's GSS code stops the application at
 * startup, rather than failing at the first decision point.
 */
@Component("committeeSettings")
@ConfigurationProperties("cofund.committee")
public class CommitteeSettings {

  private List<Recipient> recipients = List.of();

  /**
   * One committee's address.
   *
   * @param email where the update goes
   * @param name how to greet it, for example "Westminster Policy and Scrutiny Committee"
   * @param gssCode the borough whose update it gets, for example {@code E09000033}
   */
  public record Recipient(String email, String name, String gssCode) {}

  public List<Recipient> getRecipients() {
    return recipients;
  }

  public void setRecipients(List<Recipient> recipients) {
    List<Recipient> checked = new ArrayList<>();
    for (Recipient recipient : recipients == null ? List.<Recipient>of() : recipients) {
      checked.add(check(recipient));
    }
    this.recipients = List.copyOf(checked);
  }

  /** The recipients by borough, in the order the boroughs are first listed. */
  public Map<String, List<Recipient>> byBorough() {
    Map<String, List<Recipient>> byBorough = new LinkedHashMap<>();
    recipients.forEach(
        r -> byBorough.computeIfAbsent(r.gssCode(), code -> new ArrayList<>()).add(r));
    return byBorough;
  }

  private static Recipient check(Recipient recipient) {
    String gss = recipient.gssCode() == null ? "" : recipient.gssCode().trim();
    LondonBorough borough =
        LondonBorough.byCode(gss)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "cofund.committee.recipients: gss-code '"
                            + gss
                            + "' of "
                            + recipient.email()
                            + " is not a London borough (E09000002 to E09000033)"));
    String email = recipient.email() == null ? "" : recipient.email().trim();
    try {
      new InternetAddress(email, true).validate();
    } catch (AddressException e) {
      throw new IllegalArgumentException(
          "cofund.committee.recipients: '" + email + "' is not an email address", e);
    }
    String name = recipient.name() == null ? "" : recipient.name().trim();
    return new Recipient(email, name, borough.code());
  }
}
