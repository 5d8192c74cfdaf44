package io.chargen.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12 in the cluster: every service gets the token verification key from Secret {@code chargen-auth} (a public
 * key, never a private one), and the Ingress limits request rates per client at the edge.
 */
class AuthenticationTest {
  private static final String KEY_VARIABLE = "CHARGEN_AUTH_PUBLIC_KEY";
  private static final String KEY_FILE = "verification-key.pem";
  private static final String NGINX = "nginx.ingress.kubernetes.io/";
  private static final List<String> RATE_ANNOTATIONS = List.of("limit-rps", "limit-burst-multiplier",
      "limit-connections");
  private static final Pattern TENANT_RATE = Pattern.compile("DEFAULT_RATE_PER_MINUTE\\s*=\\s*([\\d_]+)\\s*;");
  private static final int SECONDS_PER_MINUTE = 60;

  static Stream<Arguments> overlayAndService() {
    return ServiceDeploymentsTest.overlayAndService();
  }

  private static Secret authSecret(Manifests manifests) {
    List<Secret> secrets = manifests.all(Secret.class).stream()
        .filter(s -> s.getMetadata().getName().startsWith("chargen-auth")).toList();
    assertThat(secrets).as("[%s] Secret chargen-auth", manifests.overlay()).hasSize(1);
    return secrets.get(0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.chargen.k8s.Repository#overlays")
  @DisplayName("Secret chargen-auth holds a public key (or the placeholder an overlay replaces), never a private one")
  void secretHoldsAPublicKey(String overlay) {
    Secret secret = authSecret(Kustomize.render(overlay));
    assertThat(secret.getData()).as("[%s] keys of %s", overlay, secret.getMetadata().getName())
        .containsOnlyKeys(KEY_FILE);
    String pem = new String(Base64.getMimeDecoder().decode(secret.getData().get(KEY_FILE)), StandardCharsets.US_ASCII);
    assertThat(pem).as("[%s] %s", overlay, KEY_FILE).startsWith("-----BEGIN PUBLIC KEY-----")
        .doesNotContain("PRIVATE");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("overlayAndService")
  @DisplayName("Every service reads the verification key from chargen-auth into the variable service-support reads")
  void everyServiceGetsTheKey(String overlay, String service) {
    Manifests manifests = Kustomize.render(overlay);
    String secret = authSecret(manifests).getMetadata().getName();
    List<EnvVar> key = manifests.container(service).getEnv().stream()
        .filter(e -> KEY_VARIABLE.equals(e.getName())).toList();
    assertThat(key).as("[%s] %s of %s", overlay, KEY_VARIABLE, service).hasSize(1);
    var ref = key.get(0).getValueFrom().getSecretKeyRef();
    assertThat(ref.getName()).as("[%s] secret of %s", overlay, service).isEqualTo(secret);
    assertThat(ref.getKey()).isEqualTo(KEY_FILE);
    assertThat(ServiceDeploymentsTest.codeOf(service).variablesRead()).as("variables %s-service reads", service)
        .contains(KEY_VARIABLE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.chargen.k8s.Repository#overlays")
  @DisplayName("The Ingress limits rate, burst and connections per client, no lower than one tenant's own limit")
  void ingressRateLimits(String overlay) {
    for (Ingress ingress : Kustomize.render(overlay).all(Ingress.class)) {
      Map<String, String> annotations = ingress.getMetadata().getAnnotations();
      for (String name : RATE_ANNOTATIONS) {
        assertThat(annotations.get(NGINX + name)).as("[%s] annotation %s", overlay, NGINX + name)
            .isNotNull().matches("[1-9]\\d*");
      }
      int perMinute = Integer.parseInt(annotations.get(NGINX + "limit-rps")) * SECONDS_PER_MINUTE;
      assertThat(perMinute).as("[%s] the edge's requests per minute vs a tenant's default in the services", overlay)
          .isGreaterThanOrEqualTo(tenantDefaultRatePerMinute());
    }
  }

  /** TenantRateLimiter's default, read from service-support's sources as the other checks read the code. */
  private static int tenantDefaultRatePerMinute() {
    String shared = ServiceDeploymentsTest.codeOf("capture").shared();
    Matcher m = TENANT_RATE.matcher(shared);
    assertThat(m.find()).as("DEFAULT_RATE_PER_MINUTE in service-support").isTrue();
    return Integer.parseInt(m.group(1).replace("_", ""));
  }
}
