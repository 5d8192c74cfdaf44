package io.chargen.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.service.Env;
import io.chargen.service.security.AuthConfig;
import io.chargen.service.security.Caller;
import io.chargen.service.security.DevKeys;
import io.chargen.service.security.Role;
import io.chargen.service.security.TestTokens;
import io.chargen.service.security.TokenVerifier;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chargen token} prints tokens that a service configured with the same development key accepts. */
class TokenCommandTest {
  @TempDir
  static Path checkout;
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  private static Path keyDir() {
    return checkout.resolve(DevKeys.DIRECTORY);
  }

  private static CommandLineTest.Run token(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "token";
    all[1] = "--key-dir";
    all[2] = keyDir().toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return CommandLineTest.run(all);
  }

  @Test
  @DisplayName("a tablet token for tenant demo and writer alice verifies with the key chargen up would give services")
  void tabletToken() throws Throwable {
    CommandLineTest.Run run = token("--tenant", "demo", "--role", "tablet", "--writer", "alice", "--writer", "bob");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("token for tenant demo, roles [tablet], writers");
    TokenVerifier verifier = new TokenVerifier(vertx,
        AuthConfig.from(new Env(DevKeys.createOrLoad(keyDir()).serviceEnvironment())));
    Caller caller = TestTokens.await(verifier.verify(run.out().trim()));
    assertThat(caller).isEqualTo(new Caller("chargen-token", "demo", Set.of(Role.TABLET), Set.of("alice", "bob")));
  }

  @Test
  @DisplayName("--ttl 30m sets the expiry 30 minutes ahead; several roles in one token")
  void ttlAndRoles() {
    CommandLineTest.Run run = token("--tenant", "clinic-2", "--role", "dashboard,admin", "--ttl", "30m");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonObject claims = payload(run.out().trim());
    assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(1800);
    assertThat(claims.getJsonArray("roles").getList()).containsExactly("dashboard", "admin");
    assertThat(claims.getString("iss")).isEqualTo(AuthConfig.DEFAULT_ISSUER);
  }

  @Test
  @DisplayName("a bad role, tenant, writer or ttl exits 2 naming the bad value, printing no token")
  void badArguments() {
    expectRefused(token("--tenant", "demo", "--role", "root"), "--role \"root\" is not one of tablet, dashboard, admin");
    expectRefused(token("--tenant", "Demo School", "--role", "tablet"), "tenant \"Demo School\" is not a tenant id");
    expectRefused(token("--tenant", "demo", "--role", "tablet", "--writer", "a\u202Eb"), "RIGHT-TO-LEFT OVERRIDE");
    expectRefused(token("--tenant", "demo", "--role", "tablet", "--ttl", "forever"), "--ttl \"forever\" is not a");
    expectRefused(token("--tenant", "demo", "--role", "tablet", "--ttl", "400d"), "is not within (0, 120 days]");
  }

  private static void expectRefused(CommandLineTest.Run run, String message) {
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(message);
    assertThat(run.out()).isEmpty();
  }

  private static JsonObject payload(String token) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
  }
}
