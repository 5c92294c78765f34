package london.cofund.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain TCP proxy between the application and its database, which a test cuts and restores: cut,
 * every open connection drops and new ones are refused, as when the server goes away; restored, it
 * listens again on the same port. The shared PostgreSQL server itself is never stopped.
 */
final class CuttableProxy implements AutoCloseable {

  private final String targetHost;
  private final int targetPort;
  final int port;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile ServerSocket server;

  CuttableProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.port = AppProcess.freePort();
    listen();
  }

  /** The database goes away: open connections drop, new ones are refused. */
  synchronized void cut() throws IOException {
    server.close();
    for (Socket socket : open) {
      socket.close();
    }
    open.clear();
  }

  /** The database is back, at the same address. */
  synchronized void restore() throws IOException {
    listen();
  }

  private void listen() throws IOException {
    ServerSocket listening = new ServerSocket();
    listening.setReuseAddress(true);
    listening.bind(new InetSocketAddress("127.0.0.1", port));
    server = listening;
    Thread acceptor =
        new Thread(
            () -> {
              while (!listening.isClosed()) {
                try {
                  Socket client = listening.accept();
                  Socket database = new Socket(targetHost, targetPort);
                  open.add(client);
                  open.add(database);
                  pump(client, database);
                  pump(database, client);
                } catch (IOException e) {
                  // cut: the listening socket is closed
                }
              }
            },
            "proxy-accept-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void pump(Socket from, Socket to) {
    Thread pump =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // one side closed or was cut
              } finally {
                close(from);
                close(to);
              }
            },
            "proxy-pump-" + port);
    pump.setDaemon(true);
    pump.start();
  }

  private void close(Socket socket) {
    open.remove(socket);
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    cut();
  }
}
