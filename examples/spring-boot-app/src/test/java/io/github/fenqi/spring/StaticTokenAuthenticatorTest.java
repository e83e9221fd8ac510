package io.github.fenqi.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fenqi.core.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The static tokens: only a token equal to one of the two authenticates, as its role (the README's FENQI_CLIENT_TOKEN
 * and FENQI_ADMIN_TOKEN rows); a token that cannot be sent or is too short stops the start naming its variable.
 */
class StaticTokenAuthenticatorTest {
  private static final String CLIENT = "client-0123456789abcdef";
  private static final String ADMIN = "admin-0123456789abcdef";
  private final StaticTokenAuthenticator tokens = new StaticTokenAuthenticator(CLIENT, ADMIN);

  private static List<String> roles(Authentication a) {
    return a.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList();
  }

  @Test
  void theAdminTokenIsAdminAndClientAndTheClientTokenOnlyClient() {
    assertThat(tokens.authenticate(ADMIN)).hasValueSatisfying(a -> assertThat(roles(a))
        .containsExactly("ROLE_ADMIN", "ROLE_CLIENT"));
    assertThat(tokens.authenticate(CLIENT)).hasValueSatisfying(a -> assertThat(roles(a))
        .containsExactly("ROLE_CLIENT"));
  }

  @Test
  void onlyTheWholeTokenAuthenticates() {
    for (String almost : List.of("", " ", CLIENT.substring(0, 16), CLIENT.substring(0, CLIENT.length() - 1),
        CLIENT + "x", CLIENT.toUpperCase(java.util.Locale.ROOT), ADMIN.substring(0, 16), ADMIN + "=")) {
      assertThat(tokens.authenticate(almost)).as("'%s'", almost).isEmpty();
    }
  }

  @Test
  void aTokenOfSixteenCharactersIsTheShortestTaken() {
    assertThat(new StaticTokenAuthenticator("c".repeat(16), "a".repeat(16)).authenticate("c".repeat(16))).isPresent();
    assertThatThrownBy(() -> new StaticTokenAuthenticator("c".repeat(15), "a".repeat(16)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("FENQI_CLIENT_TOKEN: has 15 characters; at least 16 are needed");
  }

  /** A token set blank is told as not set, not as holding a character a token cannot carry. */
  @Test
  void aBlankTokenIsNotSet() {
    for (String blank : List.of("", " ", "  \n")) {
      assertThatThrownBy(() -> new StaticTokenAuthenticator(blank, ADMIN)).as("'%s'", blank)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("FENQI_CLIENT_TOKEN: " + FenqiConfiguration.NOT_SET)
          .hasMessageNotContaining("cannot carry");
    }
  }

  @Test
  void aTokenWithACharacterABearerTokenCannotCarryAnywhereStopsTheStart() {
    for (String token : List.of("client 0123456789abcdef", "client-0123456789abcdef ", "=client-0123456789abcdef",
        "client-0123456789=abcdef", "client-0123456789abcdéf")) {
      assertThatThrownBy(() -> new StaticTokenAuthenticator(token, ADMIN)).as("'%s'", token)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("FENQI_CLIENT_TOKEN: contains a character a bearer token cannot carry");
    }
    assertThat(new StaticTokenAuthenticator("client-0123456789+/._~==", ADMIN).authenticate("client-0123456789+/._~=="))
        .isPresent();
  }

  @Test
  void theTwoTokensMustDiffer() {
    assertThatThrownBy(() -> new StaticTokenAuthenticator(CLIENT, CLIENT)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("FENQI_ADMIN_TOKEN: is the same as FENQI_CLIENT_TOKEN");
  }

  @Test
  void itsTextHidesTheTokens() {
    assertThat(tokens.toString()).doesNotContain(CLIENT, ADMIN);
  }
}
