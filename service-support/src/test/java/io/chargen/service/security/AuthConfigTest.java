package io.chargen.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargen.service.ConfigException;
import io.chargen.service.Env;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthConfigTest {
  @TempDir
  Path dir;

  @Test
  @DisplayName("without a key the service refuses to start, naming both variables")
  void noKey() {
    assertThatThrownBy(() -> AuthConfig.from(new Env(Map.of()))).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("neither CHARGEN_AUTH_PUBLIC_KEY nor CHARGEN_AUTH_JWKS is set");
  }

  @Test
  @DisplayName("a public key as a file path or inline PEM loads, with issuer, audience and leeway defaults")
  void publicKey() throws Exception {
    DevKeys keys = DevKeys.createOrLoad(dir);
    AuthConfig byPath = AuthConfig.from(new Env(keys.serviceEnvironment()));
    AuthConfig inline = AuthConfig.from(new Env(Map.of(AuthConfig.PUBLIC_KEY,
        Files.readString(keys.verificationKey()))));
    assertThat(byPath.pemKeys()).hasSize(1);
    assertThat(inline.pemKeys().get(0).getAlgorithm()).isEqualTo("ES256");
    assertThat(inline.issuer()).isEqualTo("chargen");
    assertThat(inline.audience()).isEqualTo("chargen");
    assertThat(inline.leewaySeconds()).isEqualTo(30);
  }

  @Test
  @DisplayName("a missing key file is named with the variable")
  void missingFile() {
    assertThatThrownBy(() -> AuthConfig.from(new Env(Map.of(AuthConfig.PUBLIC_KEY, "/nonexistent/key.pem"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("CHARGEN_AUTH_PUBLIC_KEY=\"/nonexistent/key.pem\" is neither inline content");
  }

  @Test
  @DisplayName("a private key given to a service is refused: services get only the public key")
  void privateKeyRefused() {
    DevKeys keys = DevKeys.createOrLoad(dir);
    assertThatThrownBy(() -> AuthConfig.from(new Env(Map.of(AuthConfig.PUBLIC_KEY, keys.signingKeyPem()))))
        .hasMessage("CHARGEN_AUTH_PUBLIC_KEY holds a PRIVATE key: give services only the public key");
  }

  @Test
  @DisplayName("a PEM that is no key, or a key of another algorithm, is refused naming the algorithm")
  void badPem() throws Exception {
    assertThatThrownBy(() -> AuthConfig.from(new Env(Map.of(AuthConfig.PUBLIC_KEY,
        "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))))
        .hasMessageContaining("is not a ES256 public key");
    String ecKey = Files.readString(DevKeys.createOrLoad(dir).verificationKey());
    assertThatThrownBy(() -> AuthConfig.from(new Env(Map.of(AuthConfig.PUBLIC_KEY, ecKey,
        AuthConfig.ALGORITHM, "RS256")))).hasMessageContaining("is not a RS256 public key");
  }

  @Test
  @DisplayName("HS256 and unknown algorithms are refused: asymmetric only")
  void symmetricRefused() {
    String key = DevKeys.createOrLoad(dir).verificationKey().toString();
    assertThatThrownBy(() -> AuthConfig.from(new Env(Map.of(AuthConfig.PUBLIC_KEY, key, AuthConfig.ALGORITHM,
        "HS256")))).hasMessageStartingWith("CHARGEN_AUTH_ALGORITHM=HS256 is not one of [ES256, ES384")
        .hasMessageEndingWith("(asymmetric algorithms only)");
  }

  @Test
  @DisplayName("a JWK Set verifies tokens of its keys; a token signed by the development key passes")
  void jwks() throws Throwable {
    DevKeys keys = DevKeys.createOrLoad(dir);
    JsonObject jwk = jwkOf(keys).put("kid", "dev-1");
    Path file = Files.writeString(dir.resolve("jwks.json"), new JsonObject().put("keys", new JsonArray().add(jwk))
        .encode());
    AuthConfig config = AuthConfig.from(new Env(Map.of(AuthConfig.JWKS, file.toString())));
    assertThat(config.jwks()).hasSize(1);
    Vertx vertx = Vertx.vertx();
    try {
      String token = TokenIssuer.development(vertx, keys).issue(new TokenIssuer.Claims("t", "school-1",
          java.util.Set.of(Role.ADMIN), java.util.Set.of(), java.time.Duration.ofMinutes(5)));
      assertThat(TestTokens.await(new TokenVerifier(vertx, config).verify(token)).tenant()).isEqualTo("school-1");
    } finally {
      vertx.close();
    }
  }

  @Test
  @DisplayName("a JWK Set that is no JSON, empty, symmetric, private or unusable is refused naming the key")
  void badJwks() throws Exception {
    JsonObject jwk = jwkOf(DevKeys.createOrLoad(dir));
    assertThatThrownBy(() -> jwks("{not json")).hasMessageStartingWith("CHARGEN_AUTH_JWKS=\"{not json\" is not a JWK Set");
    assertThatThrownBy(() -> jwks("{\"keys\":[]}")).hasMessageEndingWith("has no keys");
    assertThatThrownBy(() -> jwks(set(new JsonObject().put("kty", "oct").put("kid", "s").put("k", "c2VjcmV0"))))
        .hasMessage("CHARGEN_AUTH_JWKS keys[0] (kid s) is a symmetric key: asymmetric only");
    assertThatThrownBy(() -> jwks(set(jwk.copy().put("kid", "p").put("d", "AAAA"))))
        .hasMessage("CHARGEN_AUTH_JWKS keys[0] (kid p) holds a PRIVATE key: public keys only");
    assertThatThrownBy(() -> jwks(set(jwk.copy().put("kid", "bad").put("x", "AAAA"))))
        .hasMessageStartingWith("CHARGEN_AUTH_JWKS keys[0] (kid bad) is not a usable key: its point (x, y) is not on");
    JsonObject noPoint = jwk.copy().put("kid", "none");
    noPoint.remove("x");
    assertThatThrownBy(() -> jwks(set(noPoint)))
        .hasMessage("CHARGEN_AUTH_JWKS keys[0] (kid none) is not a usable key: it holds no public key");
    assertThatThrownBy(() -> jwks(set(jwk.copy().put("kid", "c").put("crv", "P-999"))))
        .hasMessageStartingWith("CHARGEN_AUTH_JWKS keys[0] (kid c) is not a usable key");
  }

  @Test
  @DisplayName("a leeway beyond 300 s is refused by name")
  void leeway() {
    String key = DevKeys.createOrLoad(dir).verificationKey().toString();
    assertThatThrownBy(() -> AuthConfig.from(new Env(Map.of(AuthConfig.PUBLIC_KEY, key, AuthConfig.LEEWAY,
        "3600")))).hasMessage("CHARGEN_AUTH_LEEWAY_SECONDS=3600 is outside 0..300");
  }

  private static void jwks(String value) {
    AuthConfig.from(new Env(Map.of(AuthConfig.JWKS, value)));
  }

  private static String set(JsonObject key) {
    return new JsonObject().put("keys", new JsonArray().add(key)).encode();
  }

  /** The development public key as an EC JWK (RFC 7518 §6.2.1: x and y, 32 bytes each, base64url). */
  static JsonObject jwkOf(DevKeys keys) throws Exception {
    String pem = Files.readString(keys.verificationKey()).replaceAll("-----[A-Z ]+-----|\\s", "");
    ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC")
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
    return new JsonObject().put("kty", "EC").put("crv", "P-256").put("alg", "ES256").put("use", "sig")
        .put("x", coordinate(key.getW().getAffineX())).put("y", coordinate(key.getW().getAffineY()));
  }

  private static String coordinate(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] fixed = new byte[32];
    int from = Math.max(0, bytes.length - 32);
    System.arraycopy(bytes, from, fixed, 32 - (bytes.length - from), bytes.length - from);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
  }
}
