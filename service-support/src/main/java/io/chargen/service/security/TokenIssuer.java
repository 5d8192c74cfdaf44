package io.chargen.service.security;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * Signs chargen bearer tokens with Vert.x's JWT provider: what {@code ./chargen token} prints and what tests use.
 * In production tokens come from the operator's identity provider with the same claims ({@link TokenVerifier}).
 */
public final class TokenIssuer {
  /** Longest lifetime a token may be given: a school term; revocation is by rotating the key. */
  public static final Duration MAX_TTL = Duration.ofDays(120);
  private final JWTAuth signer;
  private final String algorithm;
  private final String issuer;
  private final String audience;

  /**
   * What a token says.
   *
   * @param subject its {@code sub}, e.g. {@code tablet-7}
   * @param tenant the tenant id
   * @param roles at least one role
   * @param writers writer names a tablet may write as ({@value Caller#ANY_WRITER}: any)
   * @param ttl how long it is valid, at most {@link #MAX_TTL}
   */
  public record Claims(String subject, String tenant, Set<Role> roles, Set<String> writers, Duration ttl) {
    /** Checks the tenant, roles and lifetime (writers are checked as names by the verifier that reads them). */
    public Claims {
      new Caller(subject, tenant, roles, writers); // the same rules a verifier applies
      if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
        throw new IllegalArgumentException("ttl " + ttl + " is not within (0, " + MAX_TTL.toDays() + " days]");
      }
      roles = Set.copyOf(roles);
      writers = Set.copyOf(writers);
    }
  }

  /**
   * @param vertx the Vert.x instance (the provider is built on it)
   * @param signingKeyPem a PKCS#8 PEM private key
   * @param algorithm its JWS algorithm, e.g. {@value DevKeys#ALGORITHM}
   * @param issuer the {@code iss} to sign, as services require ({@link AuthConfig#ISSUER})
   * @param audience the {@code aud} to sign ({@link AuthConfig#AUDIENCE})
   */
  public TokenIssuer(Vertx vertx, String signingKeyPem, String algorithm, String issuer, String audience) {
    this.signer = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(algorithm).setBuffer(signingKeyPem)));
    this.algorithm = algorithm;
    this.issuer = issuer;
    this.audience = audience;
  }

  /**
   * @param vertx the Vert.x instance
   * @param keys the development key
   * @return an issuer with the defaults services verify
   */
  public static TokenIssuer development(Vertx vertx, DevKeys keys) {
    return new TokenIssuer(vertx, keys.signingKeyPem(), DevKeys.ALGORITHM, AuthConfig.DEFAULT_ISSUER,
        AuthConfig.DEFAULT_AUDIENCE);
  }

  /**
   * @param claims what the token says
   * @return the compact JWT
   */
  public String issue(Claims claims) {
    JsonObject payload = new JsonObject().put(TokenVerifier.TENANT_CLAIM, claims.tenant())
        .put(TokenVerifier.ROLES_CLAIM, new JsonArray(claims.roles().stream().sorted().map(Role::claim).toList()));
    if (!claims.writers().isEmpty()) {
      payload.put(TokenVerifier.WRITERS_CLAIM, new JsonArray(new TreeSet<>(claims.writers()).stream().toList()));
    }
    JWTOptions options = new JWTOptions().setAlgorithm(algorithm).setIssuer(issuer).addAudience(audience)
        .setSubject(claims.subject())
        .setExpiresInSeconds((int) claims.ttl().toSeconds());
    return signer.generateToken(payload, options);
  }
}
