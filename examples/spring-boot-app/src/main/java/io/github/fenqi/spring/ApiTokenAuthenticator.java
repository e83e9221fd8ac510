package io.github.fenqi.spring;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * Turns a bearer token into an authenticated principal with roles ({@code ROLE_CLIENT}, {@code ROLE_ADMIN}).
 * The default compares with two configured tokens; a real deployment declares its own bean (OAuth2 introspection,
 * a token table) and this one steps aside.
 *
 * <p>Thread-safety: implementations must be thread-safe.
 */
@FunctionalInterface
public interface ApiTokenAuthenticator {
  /** The principal of {@code token}, or empty when the token is unknown. */
  Optional<Authentication> authenticate(String token);
}
