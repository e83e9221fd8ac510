package io.github.fenqi.spring;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
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
  private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");
  private final byte[] clientDigest;
  private final byte[] adminDigest;

  StaticTokenAuthenticator(@Nullable String client, @Nullable String admin) {
    List<Problem> problems = new ArrayList<>();
    check(client, "FENQI_CLIENT_TOKEN", problems);
    check(admin, "FENQI_ADMIN_TOKEN", problems);
    if (problems.isEmpty() && client.equals(admin)) {
      problems.add(Problem.of("FENQI_ADMIN_TOKEN", "is the same as FENQI_CLIENT_TOKEN; the two must differ"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    this.clientDigest = digest(client);
    this.adminDigest = digest(admin);
  }

  /**
   * A token a client can send: present, long enough, and only of the characters a bearer token carries (RFC 6750's
   * b64token). One with a space, a line break (a secret file's last line) or a non-ASCII character was taken, but the
   * header's value is stripped and read as ISO-8859-1, so no request could ever match it: every call was a 401.
   */
  private static void check(@Nullable String token, String variable, List<Problem> problems) {
    if (token == null || token.isBlank()) {
      problems.add(Problem.of(variable, FenqiConfiguration.NOT_SET));
    } else if (!BEARER_TOKEN.matcher(token).matches()) {
      problems.add(Problem.of(variable, "contains a character a bearer token cannot carry (a space, a line break, "
          + "a non-ASCII character...); use only letters, digits and -._~+/ (with = only at the end)"));
    } else if (token.length() < MIN_LENGTH) {
      problems.add(Problem.of(variable, "has " + token.length() + " characters; at least " + MIN_LENGTH
          + " are needed"));
    }
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
