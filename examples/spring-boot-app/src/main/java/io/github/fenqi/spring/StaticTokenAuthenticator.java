package io.github.fenqi.spring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Two fixed tokens from configuration ({@code FENQI_CLIENT_TOKEN}, {@code FENQI_ADMIN_TOKEN}): the client token
 * grants CLIENT, the admin token ADMIN and CLIENT. Compared in constant time over SHA-256 digests; the tokens
 * themselves are not kept.
 *
 * <p>Thread-safety: immutable.
 */
final class StaticTokenAuthenticator implements ApiTokenAuthenticator {
  private static final int MIN_LENGTH = 16;
  private final byte[] clientDigest;
  private final byte[] adminDigest;

  StaticTokenAuthenticator(@Nullable String client, @Nullable String admin) {
    String clientToken = FenqiConfiguration.requireText(client, "FENQI_CLIENT_TOKEN");
    String adminToken = FenqiConfiguration.requireText(admin, "FENQI_ADMIN_TOKEN");
    if (clientToken.length() < MIN_LENGTH || adminToken.length() < MIN_LENGTH) {
      throw new IllegalStateException("FENQI_CLIENT_TOKEN and FENQI_ADMIN_TOKEN must be at least " + MIN_LENGTH
          + " characters");
    }
    if (clientToken.equals(adminToken)) {
      throw new IllegalStateException("FENQI_CLIENT_TOKEN and FENQI_ADMIN_TOKEN must differ");
    }
    this.clientDigest = digest(clientToken);
    this.adminDigest = digest(adminToken);
  }

  @Override
  public Optional<Authentication> authenticate(String token) {
    byte[] d = digest(token);
    if (MessageDigest.isEqual(d, adminDigest)) {
      return Optional.of(principal("admin", "ROLE_ADMIN", "ROLE_CLIENT"));
    }
    if (MessageDigest.isEqual(d, clientDigest)) {
      return Optional.of(principal("client", "ROLE_CLIENT"));
    }
    return Optional.empty();
  }

  private static Authentication principal(String name, String... roles) {
    return UsernamePasswordAuthenticationToken.authenticated(name, null,
        List.of(roles).stream().map(SimpleGrantedAuthority::new).toList());
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "StaticTokenAuthenticator[tokens=<hidden>]";
  }
}
