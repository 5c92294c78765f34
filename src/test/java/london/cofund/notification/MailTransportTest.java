package london.cofund.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** The two ways CoFund makes sending mail cheaper change nothing about what is sent. */
class MailTransportTest {

  @Test
  void theNamedStreamProviderIsTheOneTheServiceLoaderFinds() {
    MailStreams.pinProvider();

    String named = System.getProperty(StreamProvider.class.getName());
    assertThat(named)
        .isEqualTo(
            ServiceLoader.load(StreamProvider.class)
                .findFirst()
                .orElseThrow()
                .getClass()
                .getName());
    assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(named);
  }

  @Test
  void thePromptSinkReceivesWhatIsSentOverSmtp() throws Exception {
    GreenMail sink =
        new MailConfiguration.PromptSink(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    sink.start();
    try {
      assertThat(sink.getSmtp()).isInstanceOf(MailConfiguration.PromptSmtpServer.class);
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost("127.0.0.1");
      sender.setPort(sink.getSmtp().getPort());
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom("cofund@example.org");
      helper.setTo("officer@example.org");
      helper.setSubject("Sign-off requested");
      helper.setText("text", "<p>html</p>");

      sender.send(message);

      MimeMessage[] received = sink.getReceivedMessages();
      assertThat(received).hasSize(1);
      assertThat(received[0].getSubject()).isEqualTo("Sign-off requested");
    } finally {
      sink.stop();
    }
  }
}
