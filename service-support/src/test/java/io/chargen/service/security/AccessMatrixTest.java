package io.chargen.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.service.security.Access.Decision;
import io.chargen.service.security.Access.Outcome;
import io.chargen.service.security.Access.Verification;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 401/403 decision matrix of issue 12, as a table: each row a token (made and verified for real), what the
 * endpoint needs (and what the request names), and the outcome. The endpoint → role table itself is the OpenAPI
 * document's (checked in api-contract); here every kind of requirement meets every kind of token.
 */
class AccessMatrixTest {
  private static Vertx vertx;
  private static TestTokens tokens;
  private static TestTokens stranger;
  private static Map<String, String> tokenByName;
  @TempDir
  static Path dir;
  @TempDir
  static Path otherDir;

  @BeforeAll
  static void keys() {
    vertx = Vertx.vertx();
    tokens = TestTokens.create(vertx, dir);
    stranger = TestTokens.create(vertx, otherDir);
    long past = System.currentTimeMillis() / 1000 - 7200;
    tokenByName = Map.of(
        "none", "",
        "garbage", "abc.def.ghi",
        "expired", tokens.raw(TestTokens.claims("school-1", "[\"admin\"]").put("iat", past).put("exp", past + 60)),
        "other-key", stranger.token("school-1", Role.ADMIN),
        "no-tenant", tokens.raw(without(TestTokens.claims("x", "[\"admin\"]"), "tenant")),
        "tablet", tokens.token("school-1", Set.of(Role.TABLET), Set.of("alice")),
        "dashboard", tokens.token("school-1", Role.DASHBOARD),
        "admin", tokens.token("school-1", Role.ADMIN),
        "tablet+dashboard", tokens.token("school-1", Set.of(Role.TABLET, Role.DASHBOARD), Set.of("*")));
  }

  @AfterAll
  static void close() {
    vertx.close();
  }

  @ParameterizedTest(name = "{0} token, endpoint needs {1}, names tenant ''{2}'' writer ''{3}'' → {4}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      # token          | needs           | tenant   | writer | outcome       | message contains
      none             | tablet          | -        | -      | NO_TOKEN      | no bearer token
      none             | dashboard       | -        | -      | NO_TOKEN      | no bearer token
      none             | admin           | -        | -      | NO_TOKEN      | no bearer token
      none             | dashboard,admin | -        | -      | NO_TOKEN      | no bearer token
      garbage          | tablet          | -        | -      | INVALID_TOKEN | not valid
      garbage          | admin           | -        | -      | INVALID_TOKEN | not valid
      expired          | admin           | -        | -      | INVALID_TOKEN | token expired
      other-key        | admin           | -        | -      | INVALID_TOKEN | Signature verification failed
      no-tenant        | admin           | -        | -      | INVALID_TOKEN | names no tenant
      tablet           | tablet          | -        | -      | ALLOWED       | -
      tablet           | dashboard       | -        | -      | FORBIDDEN     | it needs role [dashboard]
      tablet           | admin           | -        | -      | FORBIDDEN     | it needs role [admin]
      tablet           | dashboard,admin | -        | -      | FORBIDDEN     | one of the roles [dashboard, admin]
      dashboard        | tablet          | -        | -      | FORBIDDEN     | roles [dashboard] may not do this
      dashboard        | dashboard       | -        | -      | ALLOWED       | -
      dashboard        | admin           | -        | -      | FORBIDDEN     | it needs role [admin]
      dashboard        | dashboard,admin | -        | -      | ALLOWED       | -
      admin            | tablet          | -        | -      | FORBIDDEN     | it needs role [tablet]
      admin            | dashboard       | -        | -      | FORBIDDEN     | it needs role [dashboard]
      admin            | admin           | -        | -      | ALLOWED       | -
      admin            | dashboard,admin | -        | -      | ALLOWED       | -
      tablet+dashboard | tablet          | -        | -      | ALLOWED       | -
      tablet+dashboard | dashboard       | -        | -      | ALLOWED       | -
      tablet+dashboard | admin           | -        | -      | FORBIDDEN     | roles [tablet, dashboard] may not
      tablet           | tablet          | school-1 | -      | ALLOWED       | -
      tablet           | tablet          | school-2 | -      | FORBIDDEN     | the token is for tenant 'school-1'
      admin            | admin           | school-2 | -      | FORBIDDEN     | the request names another tenant
      tablet           | tablet          | -        | alice  | ALLOWED       | -
      tablet           | tablet          | -        | bob    | FORBIDDEN     | may write as [alice], not as writer 'bob'
      tablet+dashboard | tablet          | -        | bob    | ALLOWED       | -
      dashboard        | dashboard       | -        | bob    | FORBIDDEN     | may write as no named writer
      """)
  @DisplayName("401 without a valid token, 403 for a role, tenant or writer the token lacks, else allowed")
  void matrix(String token, String needs, String tenant, String writer, Outcome outcome, String message)
      throws Throwable {
    Set<Role> anyOf = Arrays.stream(needs.split(",")).map(r -> Role.fromClaim(r).orElseThrow())
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    Decision decision = Access.decide(verify(tokenByName.get(token)), new Access.Request(anyOf, tenant, writer));
    assertThat(decision.outcome()).as(decision.message()).isEqualTo(outcome);
    assertThat(decision.status()).isEqualTo(outcome == Outcome.ALLOWED ? 200
        : outcome == Outcome.FORBIDDEN ? 403 : 401);
    if (message != null) {
      assertThat(decision.message()).contains(message);
    }
    assertThat(decision.message()).doesNotContain(tokenByName.get(token).isEmpty() ? "\u0000"
        : tokenByName.get(token));
  }

  private static Verification verify(String token) {
    if (token.isEmpty()) {
      return new Verification.Missing();
    }
    try {
      return new Verification.Valid(TestTokens.await(tokens.verifier().verify(token)));
    } catch (Throwable e) {
      return new Verification.Invalid(e.getMessage());
    }
  }

  private static JsonObject without(JsonObject claims, String claim) {
    claims.remove(claim);
    return claims;
  }
}
