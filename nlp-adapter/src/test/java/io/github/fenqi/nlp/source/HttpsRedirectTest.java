package io.github.fenqi.nlp.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redirects from an https page, over a real TLS server on loopback whose certificate (made by the JDK's keytool) the
 * source's client trusts: followed to https, never to http, as the README says. No other test served https, so a
 * source that followed an https page's redirect to plain http (a downgrade an attacker on the path can read and
 * answer) had passed every test.
 */
class HttpsRedirectTest {
  private static final String POLICY = "逾期满90天的客户最长可分36期偿还，罚息最高减免50%。";
  private static final byte[] PAGE = ("<!DOCTYPE html><html><head><title>公告</title></head><body><p>" + POLICY
      + "</p></body></html>").getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  @Test
  void aRedirectFromHttpsIsFollowedToHttpsNeverToHttp() throws Exception {
    SSLContext tls = selfSignedLoopbackTls();
    HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(tls));
    try (LoopbackServer http = new LoopbackServer()) {
      http.serve("/notice", "text/html; charset=utf-8", PAGE);
      https.createContext("/notice", ex -> LoopbackServer.respond(ex, 200, "text/html; charset=utf-8", PAGE));
      https.createContext("/moved-within", ex -> {
        ex.getResponseHeaders().set("Location", "/notice");
        LoopbackServer.respond(ex, 302, "", new byte[0]);
      });
      https.createContext("/moved-to-http", ex -> {
        ex.getResponseHeaders().set("Location", http.uri("/notice").toString());
        LoopbackServer.respond(ex, 301, "", new byte[0]);
      });
      https.start();
      URI base = URI.create("https://127.0.0.1:" + https.getAddress().getPort());
      HttpPolicySource within = source(tls, base.resolve("/moved-within"));
      HttpPolicySource toHttp = source(tls, base.resolve("/moved-to-http"));

      assertTrue(within.fetch().get(0).text().contains(POLICY), "an https redirect to https is followed");
      assertEquals("policy source 'test': HTTP 301 from " + base.resolve("/moved-to-http") + ": the redirect to '"
          + http.uri("/notice") + "' is not followed (never from https to http)",
          assertThrows(PolicySourceException.class, toHttp::fetch).getMessage());
    } finally {
      https.stop(0);
    }
  }

  /** A source of {@code uri} whose client trusts {@code tls}'s certificate (the default context when it is built). */
  private static HttpPolicySource source(SSLContext tls, URI uri) throws Exception {
    SSLContext before = SSLContext.getDefault();
    SSLContext.setDefault(tls);
    try {
      return HttpPolicySource.builder("test", "hexin", uri).readTimeout(Duration.ofSeconds(10)).build();
    } finally {
      SSLContext.setDefault(before);
    }
  }

  /** A TLS context holding a key and a certificate for 127.0.0.1 that keytool makes, trusting that certificate. */
  private SSLContext selfSignedLoopbackTls() throws Exception {
    Path store = dir.resolve("loopback.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "loopback", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1", "-keystore", store.toString(),
        "-storetype", "PKCS12", "-storepass", "loopback").redirectErrorStream(true).start();
    String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, keytool.waitFor(), said);
    char[] password = "loopback".toCharArray();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, password);
    }
    KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    km.init(keys, password);
    TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tm.init(keys);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(km.getKeyManagers(), tm.getTrustManagers(), null);
    return tls;
  }
}
