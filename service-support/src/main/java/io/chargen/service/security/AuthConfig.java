package io.chargen.service.security;

import io.chargen.service.ConfigException;
import io.chargen.service.Env;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.impl.jose.JWK;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.EllipticCurve;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How services verify bearer tokens, read once from the environment and validated at start-up (issue 12):
 * <ul>
 *   <li>{@value #PUBLIC_KEY}: a PEM public key ({@code -----BEGIN PUBLIC KEY-----}), inline or as a file path
 *   (a mounted Kubernetes Secret), signed with {@value #ALGORITHM} (default {@value #DEFAULT_ALGORITHM});</li>
 *   <li>or {@value #JWKS}: a JWK Set ({@code {"keys":[…]}}), inline or as a file path; several keys allow rotation;
 *   </li>
 *   <li>{@value #ISSUER} and {@value #AUDIENCE} (default {@value #DEFAULT_ISSUER} / {@value #DEFAULT_AUDIENCE}) that
 *   every token must carry, and {@value #LEEWAY} seconds of clock skew (default {@value #DEFAULT_LEEWAY_SECONDS}).
 *   </li>
 * </ul>
 * Only asymmetric algorithms: a service holds a key that verifies but cannot sign. Without any key Vert.x's JWT
 * provider would accept unsigned tokens, so a missing key is a start-up error, never a silent open door.
 *
 * @param pemKeys the PEM keys, each with its algorithm
 * @param jwks the JWKs
 * @param issuer the required {@code iss}
 * @param audience the required {@code aud}
 * @param leewaySeconds the clock skew allowed on {@code exp}, {@code nbf} and {@code iat}
 */
public record AuthConfig(List<PubSecKeyOptions> pemKeys, List<JsonObject> jwks, String issuer, String audience,
    int leewaySeconds) {
  /** A PEM public key, or the path of a file holding one. */
  public static final String PUBLIC_KEY = "CHARGEN_AUTH_PUBLIC_KEY";
  /** The algorithm of {@value #PUBLIC_KEY}. */
  public static final String ALGORITHM = "CHARGEN_AUTH_ALGORITHM";
  /** A JWK Set, or the path of a file holding one. */
  public static final String JWKS = "CHARGEN_AUTH_JWKS";
  /** The issuer every token must name. */
  public static final String ISSUER = "CHARGEN_AUTH_ISSUER";
  /** The audience every token must name. */
  public static final String AUDIENCE = "CHARGEN_AUTH_AUDIENCE";
  /** Clock skew tolerated, in seconds. */
  public static final String LEEWAY = "CHARGEN_AUTH_LEEWAY_SECONDS";
  /** ECDSA on P-256: short keys and tokens, what {@link DevKeys} creates. */
  public static final String DEFAULT_ALGORITHM = "ES256";
  /** Default issuer, as {@code chargen token} signs. */
  public static final String DEFAULT_ISSUER = "chargen";
  /** Default audience, as {@code chargen token} signs. */
  public static final String DEFAULT_AUDIENCE = "chargen";
  /** Default clock skew: NTP-synchronised hosts are within a second; phones and tablets drift more. */
  public static final int DEFAULT_LEEWAY_SECONDS = 30;
  /** Largest clock skew accepted: more would keep expired tokens alive. */
  public static final int MAX_LEEWAY_SECONDS = 300;
  /** The asymmetric JWS algorithms accepted (RFC 7518); HMAC would let every service mint tokens. */
  public static final Set<String> ALGORITHMS = Set.of("ES256", "ES384", "ES512", "RS256", "RS384", "RS512",
      "PS256", "PS384", "PS512", "EdDSA");
  /** Characters of a bad value quoted in an error: keys are long, the start says what it is. */
  private static final int QUOTED_CHARS = 40;

  /** Copies the lists. */
  public AuthConfig {
    pemKeys = List.copyOf(pemKeys);
    jwks = List.copyOf(jwks);
  }

  /**
   * @param env the configuration
   * @return the validated configuration
   * @throws ConfigException naming the variable and the bad value
   */
  public static AuthConfig from(Env env) {
    String pem = env.string(PUBLIC_KEY, null);
    String jwkSet = env.string(JWKS, null);
    if (pem == null && jwkSet == null) {
      throw new ConfigException("neither " + PUBLIC_KEY + " nor " + JWKS + " is set: services verify bearer tokens"
          + " and need the issuer's public key (chargen up creates a development key under .chargen/)");
    }
    List<PubSecKeyOptions> pemKeys = new ArrayList<>();
    if (pem != null) {
      pemKeys.add(pemKey(text(PUBLIC_KEY, pem, "-----BEGIN"), env.string(ALGORITHM, DEFAULT_ALGORITHM)));
    }
    List<JsonObject> jwks = jwkSet == null ? List.of() : jwks(text(JWKS, jwkSet, "{"));
    return new AuthConfig(pemKeys, jwks, env.string(ISSUER, DEFAULT_ISSUER), env.string(AUDIENCE, DEFAULT_AUDIENCE),
        env.integer(LEEWAY, DEFAULT_LEEWAY_SECONDS, 0, MAX_LEEWAY_SECONDS));
  }

  /** The value itself when it starts like the content, else the content of the file it names. */
  private static String text(String variable, String value, String contentStart) {
    if (value.startsWith(contentStart)) {
      return value;
    }
    Path file = Path.of(value);
    try {
      return Files.readString(file).trim();
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(variable + "=" + quote(value) + " is neither inline content (starting "
          + contentStart + ") nor a readable file: " + e.getMessage(), e);
    }
  }

  private static PubSecKeyOptions pemKey(String pem, String algorithm) {
    if (!ALGORITHMS.contains(algorithm)) {
      throw new ConfigException(ALGORITHM + "=" + algorithm + " is not one of " + new java.util.TreeSet<>(ALGORITHMS)
          + " (asymmetric algorithms only)");
    }
    if (pem.contains("PRIVATE KEY")) {
      throw new ConfigException(PUBLIC_KEY + " holds a PRIVATE key: give services only the public key");
    }
    if (!pem.startsWith("-----BEGIN PUBLIC KEY-----")) {
      throw new ConfigException(PUBLIC_KEY + "=" + quote(pem)
          + " is not a PEM public key (-----BEGIN PUBLIC KEY-----)");
    }
    PubSecKeyOptions key = new PubSecKeyOptions().setAlgorithm(algorithm).setBuffer(pem);
    try {
      new JWK(key); // the parser Vert.x's JWT provider uses: fail here, not on the first request
    } catch (RuntimeException e) {
      throw new ConfigException(PUBLIC_KEY + "=" + quote(pem) + " is not a " + algorithm + " public key: "
          + rootMessage(e), e);
    }
    return key;
  }

  private static List<JsonObject> jwks(String json) {
    JsonArray keys;
    try {
      keys = new JsonObject(json).getJsonArray("keys");
    } catch (RuntimeException e) {
      throw new ConfigException(JWKS + "=" + quote(json) + " is not a JWK Set ({\"keys\": [...]})", e);
    }
    if (keys == null || keys.isEmpty()) {
      throw new ConfigException(JWKS + "=" + quote(json) + " has no keys");
    }
    List<JsonObject> valid = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      valid.add(jwk(keys.getValue(i), i));
    }
    return valid;
  }

  /** Vert.x's provider logs and skips a JWK it cannot use; a key we silently lack must fail start-up instead. */
  private static JsonObject jwk(Object value, int i) {
    String at = JWKS + " keys[" + i + "]";
    if (!(value instanceof JsonObject key)) {
      throw new ConfigException(at + " = " + quote(String.valueOf(value)) + " is not a JSON object");
    }
    if ("oct".equals(key.getString("kty"))) {
      throw new ConfigException(at + " (kid " + key.getString("kid") + ") is a symmetric key: asymmetric only");
    }
    if (key.containsKey("d")) {
      throw new ConfigException(at + " (kid " + key.getString("kid") + ") holds a PRIVATE key: public keys only");
    }
    String problem;
    try {
      problem = unusable(new JWK(key).publicKey());
    } catch (RuntimeException e) {
      problem = rootMessage(e);
    }
    if (problem != null) {
      throw new ConfigException(at + " (kid " + key.getString("kid") + ") is not a usable key: " + problem);
    }
    return key;
  }

  /** @return null if the key can verify, else why not (an EC point off its curve would fail every token) */
  private static String unusable(PublicKey key) {
    if (key == null) {
      return "it holds no public key";
    }
    if (key instanceof ECPublicKey ec) {
      EllipticCurve curve = ec.getParams().getCurve();
      BigInteger p = ((ECFieldFp) curve.getField()).getP();
      BigInteger x = ec.getW().getAffineX();
      BigInteger y = ec.getW().getAffineY();
      BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
      return y.pow(2).mod(p).equals(right) ? null : "its point (x, y) is not on curve " + ec.getParams();
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
  }

  private static String quote(String value) {
    String oneLine = value.replaceAll("\\s+", " ");
    return '"' + (oneLine.length() > QUOTED_CHARS ? oneLine.substring(0, QUOTED_CHARS) + "…" : oneLine) + '"';
  }
}
