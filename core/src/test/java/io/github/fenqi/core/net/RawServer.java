package io.github.fenqi.core.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A server on loopback that answers every request with {@code reply}, raw bytes it cannot send through HttpServer
 * (a malformed header, a Content-Length that lies), and then closes the connection.
 */
public final class RawServer implements AutoCloseable {
  private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

  public RawServer(String reply) throws IOException {
    Thread t = new Thread(() -> {
      while (!socket.isClosed()) {
        try (java.net.Socket s = socket.accept()) {
          java.io.InputStream in = s.getInputStream();
          for (int c, matched = 0; matched < 4 && (c = in.read()) >= 0; ) { // up to the end of the headers
            matched = c == "\r\n\r\n".charAt(matched) ? matched + 1 : c == '\r' ? 1 : 0;
          }
          s.getOutputStream().write(reply.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException closed) {
          // the test is over, or the client went away
        }
      }
    }, "raw-server");
    t.setDaemon(true);
    t.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/raw");
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
