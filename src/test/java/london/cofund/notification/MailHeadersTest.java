package london.cofund.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailHeadersTest {

  @Test
  void crLfAndOtherControlCharactersBecomeOneSpace() {
    assertThat(MailHeaders.clean("Youth work\r\nBcc: attacker@example.org"))
        .isEqualTo("Youth work Bcc: attacker@example.org");
    assertThat(MailHeaders.clean("a\rb\nc\u0000d\u0085e\u2028f\tg")).isEqualTo("a b c d e f g");
    assertThat(MailHeaders.clean("  padded  \n")).isEqualTo("padded");
    assertThat(MailHeaders.clean(null)).isEmpty();
  }

  @Test
  void longTextIsCut() {
    assertThat(MailHeaders.clean("x".repeat(1000))).hasSize(MailHeaders.MAX_LENGTH);
  }

  @Test
  void anAddressWithAHeaderSmuggledInIsRefused() {
    assertThat(MailHeaders.address("abi@example.org\r\nBcc: attacker@example.org")).isEmpty();
    assertThat(MailHeaders.address("abi@example.org, attacker@example.org")).isEmpty();
    assertThat(MailHeaders.address("Abi <attacker@example.org>")).isEmpty();
    assertThat(MailHeaders.address("not an address")).isEmpty();
    assertThat(MailHeaders.address("")).isEmpty();
  }

  @Test
  void aPlainAddressIsAccepted() {
    assertThat(MailHeaders.address(" abi@example.org "))
        .get()
        .extracting(address -> address.getAddress())
        .isEqualTo("abi@example.org");
  }
}
