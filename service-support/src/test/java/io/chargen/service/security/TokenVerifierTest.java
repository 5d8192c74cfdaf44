package io.chargen.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenVerifierTest {
  private static Vertx vertx;
  private static TestTokens tokens;
  @TempDir
  static Path dir;
  @TempDir
  static Path otherDir;

  @BeforeAll
  static void keys() {
    vertx = Vertx.vertx();
    tokens = TestTokens.create(vertx, dir);
  }

  @AfterAll
  static void close() {
    vertx.close();
  }

  @Test
  @DisplayName("a token of the configured issuer names its caller: subject, tenant, roles, writers")
  void validToken() throws Throwable {
    String token = tokens.token("school-7", Set.of(Role.TABLET, Role.DASHBOARD), Set.of("alice", "Rene\u0301e"));
    Caller caller = TestTokens.await(tokens.verifier().verify(token));
    assertThat(caller).isEqualTo(new Caller("test", "school-7", Set.of(Role.TABLET, Role.DASHBOARD),
        Set.of("alice", "Ren\u00e9e")));
    assertThat(caller.mayWriteAs("alice")).isTrue();
    assertThat(caller.mayWriteAs("bob")).isFalse();
    assertThat(caller.mayWriteAs("")).isTrue();
  }

  @Test
  @DisplayName("an expired token is refused as expired")
  void expired() {
    long now = System.currentTimeMillis() / 1000;
    String token = tokens.raw(TestTokens.claims("a", "[\"tablet\"]").put("exp", now - 3600).put("iat", now - 7200));
    refused(token, "token expired");
  }

  @Test
  @DisplayName("a token without expiry is refused: chargen accepts only tokens that expire")
  void noExpiry() {
    JsonObject claims = TestTokens.claims("a", "[\"tablet\"]");
    claims.remove("exp");
    refused(tokens.raw(claims), "has no expiry ('exp')");
  }

  @Test
  @DisplayName("a token of another issuer or for another audience is refused")
  void issuerAndAudience() {
    refused(tokens.raw(TestTokens.claims("a", "[\"tablet\"]").put("iss", "someone-else")), "Invalid JWT issuer");
    refused(tokens.raw(TestTokens.claims("a", "[\"tablet\"]").put("aud", "other-app")), "Invalid JWT audience");
  }

  @Test
  @DisplayName("a token signed with another key is refused as a bad signature")
  void otherKey() {
    TestTokens other = TestTokens.create(vertx, otherDir);
    refused(other.token("a", Role.ADMIN), "Signature verification failed");
  }

  @Test
  @DisplayName("an unsigned token (alg none) is refused")
  void unsigned() {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String body = b64.encodeToString(TestTokens.claims("a", "[\"admin\"]").encode().getBytes(StandardCharsets.UTF_8));
    refused(header + "." + body + ".", "the bearer token is not valid");
    refused(header + "." + body, "not signed");
  }

  @Test
  @DisplayName("HS256 signed with the public key as secret (algorithm confusion) is refused")
  void algorithmConfusion() throws Exception {
    String publicPem = Files.readString(tokens.keys().verificationKey());
    String forged = tokens.signer(publicPem, "HS256").generateToken(TestTokens.claims("a", "[\"admin\"]"),
        new JWTOptions().setAlgorithm("HS256").setNoTimestamp(true));
    refused(forged, "no verification key for");
  }

  @Test
  @DisplayName("garbage is refused without quoting it")
  void garbage() {
    assertThatThrownBy(() -> TestTokens.await(tokens.verifier().verify("not-a-jwt")))
        .isInstanceOf(InvalidTokenException.class).hasMessageStartingWith("the bearer token is not valid")
        .hasMessageNotContaining("not-a-jwt");
  }

  @Test
  @DisplayName("a token naming no tenant, or a malformed one, is refused naming the claim")
  void tenantClaim() {
    JsonObject claims = TestTokens.claims("a", "[\"tablet\"]");
    claims.remove("tenant");
    refused(tokens.raw(claims), "names no tenant ('tenant' claim)");
    refused(tokens.raw(TestTokens.claims("School/7", "[\"tablet\"]")), "tenant \"School/7\" is not a tenant id");
  }

  @Test
  @DisplayName("a token with no known role is refused; unknown roles beside a known one are ignored")
  void rolesClaim() throws Throwable {
    refused(tokens.raw(TestTokens.claims("a", "[\"superuser\"]")), "name none of tablet, dashboard, admin");
    refused(tokens.raw(TestTokens.claims("a", "[]")), "name none of tablet, dashboard, admin");
    JsonObject notArray = TestTokens.claims("a", "[]").put("roles", "admin");
    refused(tokens.raw(notArray), "name none of tablet, dashboard, admin");
    Caller caller = TestTokens.await(tokens.verifier().verify(tokens.raw(
        TestTokens.claims("a", "[\"offline_access\", \"dashboard\"]"))));
    assertThat(caller.roles()).containsExactly(Role.DASHBOARD);
  }

  @Test
  @DisplayName("a writers claim that is no array or holds a bad name is refused naming the problem")
  void writersClaim() {
    refused(tokens.raw(TestTokens.claims("a", "[\"tablet\"]").put("writers", "alice")), "is not a JSON array");
    refused(tokens.raw(TestTokens.claims("a", "[\"tablet\"]").put("writers", new JsonArray().add("a\u202Eb"))),
        "RIGHT-TO-LEFT OVERRIDE");
    refused(tokens.raw(TestTokens.claims("a", "[\"tablet\"]").put("writers", new JsonArray().add(7))),
        "holds 7, which is not a writer name");
  }

  private static void refused(String token, String message) {
    assertThatThrownBy(() -> TestTokens.await(tokens.verifier().verify(token)))
        .isInstanceOf(InvalidTokenException.class).hasMessageContaining(message);
  }
}
