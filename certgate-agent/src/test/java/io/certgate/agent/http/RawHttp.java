package io.certgate.agent.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, so a test controls every header (Host, Origin, Content-Length) the
 * way a browser or an attacker would send them. One request per connection.
 */
final class RawHttp {
  private RawHttp() {}

  record Response(int status, Map<String, List<String>> headers, String body) {
    Optional<String> header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? Optional.empty() : Optional.of(String.join(", ", values));
    }

    boolean hasCorsHeaders() {
      return headers.keySet().stream().anyMatch(h -> h.startsWith("access-control-"));
    }
  }

  static Response send(InetSocketAddress server, String head, byte[] body) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(server, 2000);
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return read(socket.getInputStream());
    }
  }

  /** A request with the usual headers of a page at {@code origin} (none when null). */
  static Response request(
      InetSocketAddress server, String method, String path, String origin, String json)
      throws IOException {
    byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(path).append(" HTTP/1.1\n");
    head.append("Host: 127.0.0.1:").append(server.getPort()).append('\n');
    if (origin != null) {
      head.append("Origin: ").append(origin).append('\n');
    }
    if (json != null) {
      head.append("Content-Type: application/json\n");
    }
    head.append("Content-Length: ").append(body.length).append('\n');
    head.append("Connection: close\n");
    return send(server, head.toString(), body);
  }

  /** Reads the head, then exactly Content-Length bytes (the server may keep the socket open). */
  private static Response read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed before the response head ended: " + head);
      }
      head.write(b);
      state = (b == (state % 2 == 0 ? '\r' : '\n')) ? state + 1 : (b == '\r' ? 1 : 0);
    }
    String[] lines = head.toString(StandardCharsets.UTF_8).trim().split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers
          .computeIfAbsent(
              lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).trim());
    }
    List<String> length = headers.get("content-length");
    byte[] body =
        length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length.get(0)));
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }
}
