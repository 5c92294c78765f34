package london.cofund.notification;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * Where mail goes. With {@code spring.mail.host} set, Spring Boot's own {@link JavaMailSender}
 * sends to that server (Mailpit in docker compose, the organisation's relay in production). Without
 * it, and with {@code cofund.mail.sink-enabled} (the demo profile), CoFund starts GreenMail, an
 * SMTP server that keeps every message in memory, on 127.0.0.1:{@code cofund.mail.sink-port}, and
 * sends to it over real SMTP; {@code /mailbox} shows what it received.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

  @Configuration(proxyBeanMethods = false)
  @Conditional(NoSmtpHost.class)
  @EnableConfigurationProperties(MailProperties.class)
  static class EmbeddedSink {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSink.class);
    private static final long STARTUP_TIMEOUT_MILLIS = 15_000;

    @Bean(destroyMethod = "stop")
    @ConditionalOnProperty(name = "cofund.mail.sink-enabled", havingValue = "true")
    GreenMail mailSink(MailSettings settings) {
      // A fixed port even when a free one is asked for: tests stop and start the sink to simulate
      // an outage, and the sender must find it where it was.
      int port = settings.getSinkPort() == 0 ? freePort() : settings.getSinkPort();
      ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
      // GreenMail's default of 2 s is short on a busy two-core machine.
      smtp.setServerStartupTimeout(STARTUP_TIMEOUT_MILLIS);
      GreenMail sink =
          new PromptSink(smtp)
              .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
      sink.start();
      LOG.info("No spring.mail.host: mail goes to the embedded SMTP sink on 127.0.0.1:{}", port);
      return sink;
    }

    @Bean
    JavaMailSender javaMailSender(ObjectProvider<GreenMail> sink, MailProperties properties) {
      GreenMail greenMail = sink.getIfAvailable();
      if (greenMail == null) {
        throw new IllegalStateException(
            "CoFund has no SMTP server: set SPRING_MAIL_HOST (and SPRING_MAIL_PORT,"
                + " SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD), or, for a demo only,"
                + " COFUND_MAIL_SINK_ENABLED=true to keep mail in an embedded sink.");
      }
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost("127.0.0.1");
      sender.setPort(greenMail.getSmtp().getServerSetup().getPort());
      sender.setProtocol("smtp");
      sender.setDefaultEncoding(
          properties.getDefaultEncoding() == null
              ? StandardCharsets.UTF_8.name()
              : properties.getDefaultEncoding().name());
      sender.getJavaMailProperties().putAll(properties.getProperties());
      return sender;
    }

    private static int freePort() {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException("No free port for the embedded SMTP sink", e);
      }
    }
  }

  /**
   * GreenMail whose SMTP server answers without waiting on the network stack: it sets {@code
   * TCP_NODELAY} on every connection it accepts.
   *
   * <p>GreenMail writes a reply of several lines (its answer to {@code EHLO}) a line at a time.
   * With Nagle's algorithm on, the second line waits until the client acknowledges the first, and
   * the client, waiting for the rest of the reply, delays that acknowledgement by up to 40 ms
   * (Linux's delayed ACK). Every message paid those 40 ms, on a job executor thread: in the
   * lifecycle benchmark, 518 of 637 waits for the server's reply, 44 ms each at the median (JFR's
   * SocketRead). The messages the sink receives are the same.
   */
  static final class PromptSink extends GreenMail {

    PromptSink(ServerSetup setup) {
      super(setup);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
      Map<String, AbstractServer> services = super.createServices(config, managers);
      services.replaceAll(
          (protocol, server) ->
              server instanceof SmtpServer
                  ? new PromptSmtpServer(server.getServerSetup(), managers)
                  : server);
      return services;
    }
  }

  /**
   * GreenMail's SMTP server with {@code TCP_NODELAY} on each connection: see {@link PromptSink}.
   */
  static final class PromptSmtpServer extends SmtpServer {

    PromptSmtpServer(ServerSetup setup, Managers managers) {
      super(setup, managers);
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket client) {
      try {
        client.setTcpNoDelay(true);
      } catch (SocketException e) {
        // The connection is already gone: the handler finds that out and ends it.
        log.debug("Could not set TCP_NODELAY on {}", client, e);
      }
      return super.createProtocolHandler(client);
    }
  }

  /** Matches when neither {@code spring.mail.host} nor {@code spring.mail.jndi-name} is set. */
  static class NoSmtpHost implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      Environment environment = context.getEnvironment();
      return !StringUtils.hasText(environment.getProperty("spring.mail.host"))
          && !StringUtils.hasText(environment.getProperty("spring.mail.jndi-name"));
    }
  }
}
