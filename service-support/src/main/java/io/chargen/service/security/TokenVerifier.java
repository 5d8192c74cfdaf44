package io.chargen.service.security;

import io.chargen.model.InvalidNameException;
import io.chargen.model.Names;
import io.chargen.proto.TenantKeys;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.NoSuchKeyIdException;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Verifies a bearer token and reads who it names. Vert.x's JWT provider ({@code vertx-auth-jwt}) checks the
 * signature against the configured keys, the algorithm (a key only verifies its own algorithm; {@code none} is
 * refused), {@code iss}, {@code aud}, {@code exp} and {@code nbf}; this class then requires what chargen needs: an
 * expiry, a {@value #TENANT_CLAIM} that is a tenant id, at least one known role in {@value #ROLES_CLAIM}, and valid
 * writer names in {@value #WRITERS_CLAIM}. A failure is an {@link InvalidTokenException} saying why.
 */
public final class TokenVerifier {
  /** The tenant everything the caller does belongs to. */
  public static final String TENANT_CLAIM = "tenant";
  /** The caller's roles: a JSON array of {@link Role#claim()} values; other values are ignored. */
  public static final String ROLES_CLAIM = "roles";
  /** The writer names a tablet may write as: a JSON array of names, {@value Caller#ANY_WRITER} for any. */
  public static final String WRITERS_CLAIM = "writers";

  private final JWTAuth provider;

  /**
   * @param vertx the Vert.x instance
   * @param config keys, issuer, audience, leeway
   */
  public TokenVerifier(Vertx vertx, AuthConfig config) {
    JWTAuthOptions options = new JWTAuthOptions().setJWTOptions(new JWTOptions().setIssuer(config.issuer())
        .addAudience(config.audience()).setLeeway(config.leewaySeconds()));
    config.pemKeys().forEach(options::addPubSecKey);
    config.jwks().forEach(options::addJwk);
    this.provider = JWTAuth.create(vertx, options);
  }

  /**
   * @param token the compact JWT
   * @return who it names; fails with an {@link InvalidTokenException}
   */
  public Future<Caller> verify(String token) {
    return provider.authenticate(new TokenCredentials(token))
        .recover(e -> Future.failedFuture(new InvalidTokenException("the bearer token is not valid: " + why(e))))
        .compose(user -> {
          try {
            return Future.succeededFuture(callerOf(claims(user)));
          } catch (InvalidTokenException e) {
            return Future.failedFuture(e);
          }
        });
  }

  /**
   * @param claims a verified token's claims
   * @return the caller they name
   * @throws InvalidTokenException naming the claim that is missing or malformed
   */
  static Caller callerOf(JsonObject claims) {
    if (!(claims.getValue("exp") instanceof Number)) {
      throw new InvalidTokenException("the bearer token has no expiry ('exp'); chargen accepts only tokens that"
          + " expire");
    }
    Object tenant = claims.getValue(TENANT_CLAIM);
    if (!(tenant instanceof String t) || t.isEmpty()) {
      throw new InvalidTokenException("the bearer token names no tenant ('" + TENANT_CLAIM + "' claim)");
    }
    try {
      TenantKeys.requireTenant(t);
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException("the bearer token's " + e.getMessage());
    }
    Object sub = claims.getValue("sub");
    return new Caller(sub instanceof String s ? s : "", t, roles(claims.getValue(ROLES_CLAIM)),
        writers(claims.getValue(WRITERS_CLAIM)));
  }

  private static Set<Role> roles(Object claim) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (claim instanceof JsonArray array) {
      array.forEach(v -> Role.fromClaim(String.valueOf(v)).ifPresent(roles::add));
    }
    if (roles.isEmpty()) {
      throw new InvalidTokenException("the bearer token's roles " + (claim == null ? "(none)" : claim)
          + " name none of tablet, dashboard, admin ('" + ROLES_CLAIM + "' claim, a JSON array)");
    }
    return roles;
  }

  private static Set<String> writers(Object claim) {
    Set<String> writers = new LinkedHashSet<>();
    if (claim == null) {
      return writers;
    }
    if (!(claim instanceof JsonArray array)) {
      throw new InvalidTokenException("the bearer token's '" + WRITERS_CLAIM + "' claim is not a JSON array");
    }
    for (Object value : array) {
      if (Caller.ANY_WRITER.equals(value)) {
        writers.add(Caller.ANY_WRITER);
        continue;
      }
      if (!(value instanceof String name) || name.isEmpty()) {
        throw new InvalidTokenException("the bearer token's '" + WRITERS_CLAIM + "' claim holds " + value
            + ", which is not a writer name");
      }
      try {
        writers.add(Names.writer(WRITERS_CLAIM, name));
      } catch (InvalidNameException e) {
        throw new InvalidTokenException("the bearer token's " + e.getMessage());
      }
    }
    return writers;
  }

  private static JsonObject claims(User user) {
    JsonObject claims = user.attributes().getJsonObject("accessToken");
    return claims != null ? claims : user.principal();
  }

  private static String why(Throwable e) {
    if (e instanceof NoSuchKeyIdException) {
      return "it is signed with a key or algorithm this service has no verification key for (" + e.getMessage() + ")";
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
