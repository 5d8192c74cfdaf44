package io.chargen.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Only capture and generator are public, through the Ingress, on the routes and pages their code serves. */
class ExposureTest {
  /** Public path → the service behind it (issue 5). */
  private static final Map<String, String> ROUTES = Map.of(
      "/v1/examples", "capture",
      "/v1/queries", "capture",
      "/v1/pen", "capture",
      "/v1/generations", "generator",
      "/v1/stream", "generator",
      "/v1/concepts", "generator",
      "/pad/", "capture",
      "/dashboard/", "generator");

  private static Map<String, String> ingressRoutes(Manifests manifests) {
    Map<String, String> routes = new TreeMap<>();
    for (Ingress ingress : manifests.all(Ingress.class)) {
      for (IngressRule rule : ingress.getSpec().getRules()) {
        for (HTTPIngressPath path : rule.getHttp().getPaths()) {
          routes.put(path.getPath(), path.getBackend().getService().getName());
        }
      }
    }
    return routes;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.chargen.k8s.Repository#overlays")
  @DisplayName("The Ingress routes exactly the public paths and the two pages, to capture and generator")
  void ingressRoutesThePublicPaths(String overlay) {
    assertThat(ingressRoutes(Kustomize.render(overlay))).as("[%s] Ingress paths", overlay)
        .containsExactlyInAnyOrderEntriesOf(ROUTES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.chargen.k8s.Repository#overlays")
  @DisplayName("Each Ingress path is a route of the service it leads to, once that service's module exists")
  void ingressPathsAreServed(String overlay) {
    List<String> missing = new java.util.ArrayList<>();
    for (Map.Entry<String, String> route : ingressRoutes(Kustomize.render(overlay)).entrySet()) {
      Optional<ServiceCode> code = ServiceCode.read(route.getValue());
      if (code.isEmpty()) {
        continue; // reported as skipped by ServiceDeploymentsTest
      }
      boolean served = code.get().apiPaths().stream()
          .anyMatch(p -> p.equals(route.getKey()) || p.startsWith(route.getKey() + "/"))
          || code.get().own().contains("\"" + route.getKey() + "\""); // a page prefix such as "/pad/"
      if (!served) {
        missing.add(route.getKey() + " -> " + route.getValue() + " (serves " + code.get().apiPaths() + ")");
      }
    }
    assertThat(missing).as("[%s] Ingress paths the backend's code does not serve", overlay).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.chargen.k8s.Repository#overlays")
  @DisplayName("Network policies deny all ingress to the services except the controller to the public two and Prometheus")
  void networkPoliciesAdmitOnlyControllerAndPrometheus(String overlay) {
    Manifests manifests = Kustomize.render(overlay);
    List<NetworkPolicy> policies = manifests.all(NetworkPolicy.class);
    TreeSet<String> all = new TreeSet<>(ServiceDeploymentsTest.SERVICES);
    assertThat(policies).as("[%s] a deny-all ingress policy over every service", overlay)
        .anyMatch(p -> selected(p).equals(all) && p.getSpec().getIngress().isEmpty()
            && p.getSpec().getPolicyTypes().contains("Ingress"));
    for (NetworkPolicy policy : policies) {
      for (var rule : policy.getSpec().getIngress()) {
        for (NetworkPolicyPeer peer : rule.getFrom()) {
          String namespace = peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
          if ("ingress-nginx".equals(namespace)) {
            assertThat(selected(policy)).as("[%s] pods reachable from the ingress controller", overlay)
                .containsExactlyInAnyOrder("capture", "generator");
          } else {
            assertThat(namespace).as("[%s] peer namespace in %s", overlay, policy.getMetadata().getName())
                .isEqualTo("monitoring");
          }
        }
      }
    }
  }

  private static TreeSet<String> selected(NetworkPolicy policy) {
    TreeSet<String> names = new TreeSet<>();
    for (LabelSelectorRequirement requirement : policy.getSpec().getPodSelector().getMatchExpressions()) {
      if ("app.kubernetes.io/name".equals(requirement.getKey()) && "In".equals(requirement.getOperator())) {
        names.addAll(requirement.getValues());
      }
    }
    return names;
  }
}
