package london.cofund.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A node's way to the SMTP server, which the test can make stall: while stalled, a connection is
 * accepted and then left without a word, so the node's send hangs (until its SMTP timeout) inside
 * the job it is running, holding that job's lock. Otherwise it forwards to the real server.
 */
final class StallingSmtp implements AutoCloseable {

  private final ServerSocket listening;
  private final int target;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile boolean stalled;

  StallingSmtp(int target) throws IOException {
    this.target = target;
    this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::listen, "stalling-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listening.getLocalPort();
  }

  void stall() {
    stalled = true;
  }

  private void listen() {
    while (!listening.isClosed()) {
      try {
        Socket client = listening.accept();
        open.add(client);
        if (stalled) {
          continue;
        }
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
        open.add(server);
        pump(client, server);
        pump(server, client);
      } catch (IOException e) {
        // closed
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // one side closed
              } finally {
                try {
                  to.close();
                  from.close();
                } catch (IOException e) {
                  // closed
                }
              }
            },
            "stalling-smtp-pump");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    listening.close();
    for (Socket socket : open) {
      socket.close();
    }
  }
}
