package io.chargen.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Deployment spreads its pods over nodes, so the minimum replicas of a service never share one. */
class SchedulingTest {
  private static final String HOSTNAME = "kubernetes.io/hostname";
  private static final String ZONE = "topology.kubernetes.io/zone";

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.chargen.k8s.Repository#overlays")
  @DisplayName("Each Deployment has a hard spread over nodes and a soft one over zones, selecting its own pods only")
  void everyDeploymentSpreadsOverNodes(String overlay) {
    List<Deployment> deployments = Kustomize.render(overlay).all(Deployment.class);
    assertThat(deployments).as("[%s] Deployments", overlay).isNotEmpty();
    for (Deployment d : deployments) {
      String name = d.getMetadata().getName();
      Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
      List<TopologySpreadConstraint> spread = d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints();
      TopologySpreadConstraint nodes = constraint(spread, HOSTNAME).orElseThrow(
          () -> new AssertionError("[" + overlay + "] Deployment " + name + " does not spread over nodes"));
      assertThat(nodes.getWhenUnsatisfiable()).as("[%s] node spread of %s", overlay, name).isEqualTo("DoNotSchedule");
      assertThat(nodes.getMaxSkew()).as("[%s] maxSkew of %s", overlay, name).isEqualTo(1);
      assertThat(constraint(spread, ZONE)).as("[%s] zone spread of %s", overlay, name).isPresent();
      for (TopologySpreadConstraint c : spread) {
        LabelSelector selector = c.getLabelSelector();
        assertThat(podLabels).as("[%s] %s's pods match its spread selector", overlay, name)
            .containsAllEntriesOf(selector.getMatchLabels());
        boolean ownPodsOnly = selector.getMatchLabels().containsKey("app.kubernetes.io/name")
            || c.getMatchLabelKeys().contains("app.kubernetes.io/name");
        assertThat(ownPodsOnly).as("[%s] %s counts only its own pods (name in selector or matchLabelKeys)", overlay,
            name).isTrue();
      }
    }
  }

  private static Optional<TopologySpreadConstraint> constraint(List<TopologySpreadConstraint> all, String key) {
    return all.stream().filter(c -> key.equals(c.getTopologyKey())).findFirst();
  }
}
