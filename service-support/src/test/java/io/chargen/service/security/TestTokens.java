package io.chargen.service.security;

import io.chargen.service.Env;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A development key in a temporary folder with the issuer and verifier the services would use: tokens for tests of
 * this module and, through the test jar, the services' 401/403 and two-tenant integration tests.
 *
 * @param vertx the Vert.x instance the providers run on
 * @param keys the key pair
 * @param issuer signs tokens with the defaults services verify
 * @param verifier verifies as a service configured with {@link #environment()}
 */
public record TestTokens(Vertx vertx, DevKeys keys, TokenIssuer issuer, TokenVerifier verifier) {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /**
   * @param vertx the Vert.x instance
   * @param dir an empty folder for the key
   * @return the fixture
   */
  public static TestTokens create(Vertx vertx, Path dir) {
    DevKeys keys = DevKeys.createOrLoad(dir);
    return new TestTokens(vertx, keys, TokenIssuer.development(vertx, keys),
        new TokenVerifier(vertx, AuthConfig.from(new Env(keys.serviceEnvironment()))));
  }

  /** @return the environment a service needs to accept these tokens */
  public Map<String, String> environment() {
    return new HashMap<>(keys.serviceEnvironment());
  }

  /**
   * @param tenant the tenant
   * @param roles the roles
   * @param writers the writer names
   * @return a token valid for an hour
   */
  public String token(String tenant, Set<Role> roles, Set<String> writers) {
    return issuer.issue(new TokenIssuer.Claims("test", tenant, roles, writers, Duration.ofHours(1)));
  }

  /**
   * @param tenant the tenant
   * @param role the role
   * @return a token valid for an hour, naming no writer
   */
  public String token(String tenant, Role role) {
    return token(tenant, Set.of(role), Set.of());
  }

  /**
   * A token with exactly these claims (no {@code iat} or {@code exp} added), signed with the development key: for
   * tokens a correct issuer would never make.
   *
   * @param claims every claim
   * @return the compact JWT
   */
  public String raw(JsonObject claims) {
    return signer(keys.signingKeyPem(), DevKeys.ALGORITHM)
        .generateToken(claims, new JWTOptions().setAlgorithm(DevKeys.ALGORITHM).setNoTimestamp(true));
  }

  /**
   * @param tenant the tenant
   * @param roles the roles claim, as a JSON array text
   * @return claims valid for an hour, with the default issuer and audience
   */
  public static JsonObject claims(String tenant, String roles) {
    long now = System.currentTimeMillis() / 1000;
    return new JsonObject().put("iss", AuthConfig.DEFAULT_ISSUER).put("aud", AuthConfig.DEFAULT_AUDIENCE)
        .put("sub", "test").put("tenant", tenant).put("roles", new io.vertx.core.json.JsonArray(roles))
        .put("iat", now).put("exp", now + 3600);
  }

  /**
   * @param key a PEM private key or HMAC secret
   * @param algorithm its algorithm
   * @return a provider that signs with it
   */
  public JWTAuth signer(String key, String algorithm) {
    return JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(algorithm).setBuffer(key)));
  }

  /**
   * @param future a future
   * @param <T> its type
   * @return its result
   * @throws Throwable its failure, unwrapped
   */
  public static <T> T await(Future<T> future) throws Throwable {
    try {
      return future.toCompletionStage().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause();
    }
  }
}
