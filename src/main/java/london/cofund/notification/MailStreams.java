package london.cofund.notification;

import jakarta.mail.util.StreamProvider;

/**
 * Lets Jakarta Mail find its stream provider without a classpath scan.
 *
 * <p>Jakarta Mail 2.1 calls {@link StreamProvider#provider()} for every message, body part,
 * multipart and header block that it builds or parses, and each call looks the provider up through
 * {@link java.util.ServiceLoader}: it reads {@code META-INF/services} of every jar on the
 * classpath. That lookup was 3.6 % of all CPU samples of the lifecycle benchmark, the largest
 * single part of sending a mail (jakartaee/mail-api issues 699 and 861; reworked in 2.2, of which
 * there is only a milestone). Its finder asks the system property named after the interface before
 * the ServiceLoader, and then only loads that class by name. So CoFund looks the provider up once,
 * the usual way, and names the class it found in that property: the provider is the same, only
 * found faster. A property set beforehand (on the command line) is left as it is.
 */
final class MailStreams {

  private MailStreams() {}

  /** Names the stream provider that the ServiceLoader finds, unless a provider is named already. */
  static synchronized void pinProvider() {
    String property = StreamProvider.class.getName();
    if (System.getProperty(property) == null) {
      System.setProperty(property, StreamProvider.provider().getClass().getName());
    }
  }
}
