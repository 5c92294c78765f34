package london.cofund.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server for one test: it accepts every recipient but one, which it refuses with
 * {@code 550}, as a real server refuses an unknown mailbox. GreenMail accepts every address, so a
 * partial failure needs this. It listens where the embedded sink does, while the sink is stopped.
 */
final class RefusingSmtpServer implements AutoCloseable {

  private final ServerSocket socket;
  private final String refused;
  private final List<String> accepted = new CopyOnWriteArrayList<>();
  private final Thread thread;

  RefusingSmtpServer(int port, String refused) throws IOException {
    this.refused = refused.toLowerCase(Locale.ROOT);
    this.socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
    this.thread = new Thread(this::serve, "refusing-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  /** The recipients of the messages it accepted. */
  List<String> accepted() {
    return accepted;
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        converse(client);
      } catch (IOException e) {
        // Closed: the test is over.
      }
    }
  }

  private void converse(Socket client) throws IOException {
    var in =
        new BufferedReader(
            new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
    var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
    out.print("220 refusing-smtp ESMTP\r\n");
    out.flush();
    String recipient = null;
    String line;
    while ((line = in.readLine()) != null) {
      String command = line.toUpperCase(Locale.ROOT);
      if (command.startsWith("EHLO") || command.startsWith("HELO")) {
        reply(out, "250 refusing-smtp");
      } else if (command.startsWith("MAIL FROM")) {
        reply(out, "250 OK");
      } else if (command.startsWith("RCPT TO")) {
        String address =
            line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase(Locale.ROOT);
        if (address.equals(refused)) {
          reply(out, "550 5.1.1 <" + address + ">: mailbox unavailable");
        } else {
          recipient = address;
          reply(out, "250 OK");
        }
      } else if (command.equals("DATA")) {
        reply(out, "354 End data with <CR><LF>.<CR><LF>");
        while ((line = in.readLine()) != null && !line.equals(".")) {
          // The message itself does not matter here.
        }
        accepted.add(recipient);
        reply(out, "250 OK queued");
      } else if (command.equals("QUIT")) {
        reply(out, "221 Bye");
        // Let the client close first, so that no connection lingers on this port for GreenMail.
        while (in.readLine() != null) {
          // Drain until the client hangs up.
        }
        return;
      } else {
        reply(out, "250 OK");
      }
    }
  }

  private static void reply(PrintWriter out, String reply) {
    out.print(reply + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
