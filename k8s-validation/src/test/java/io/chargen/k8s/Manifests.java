package io.chargen.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resources of one rendered overlay, with the look-ups the tests share.
 *
 * @param overlay the overlay's name
 * @param resources every rendered resource
 */
record Manifests(String overlay, List<HasMetadata> resources) {

  /** @return the typed resources of a built-in kind */
  <T extends HasMetadata> List<T> all(Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** @return the custom resources of a kind (Strimzi, KEDA, Prometheus Operator) */
  List<GenericKubernetesResource> custom(String kind) {
    return resources.stream()
        .filter(r -> r instanceof GenericKubernetesResource && kind.equals(r.getKind()))
        .map(GenericKubernetesResource.class::cast)
        .toList();
  }

  Optional<Deployment> deployment(String name) {
    return all(Deployment.class).stream().filter(d -> name.equals(d.getMetadata().getName())).findFirst();
  }

  Optional<Service> service(String name) {
    return all(Service.class).stream().filter(s -> name.equals(s.getMetadata().getName())).findFirst();
  }

  /** @return the Deployment of a service, failing with the overlay's name when it is missing */
  Deployment requireDeployment(String name) {
    Optional<Deployment> deployment = deployment(name);
    assertThat(deployment).as("[%s] Deployment %s", overlay, name).isPresent();
    return deployment.orElseThrow();
  }

  /** @return the one container of a service's pod (named as the service) */
  Container container(String name) {
    List<Container> containers = requireDeployment(name).getSpec().getTemplate().getSpec().getContainers();
    assertThat(containers).as("[%s] containers of %s", overlay, name).extracting(Container::getName)
        .containsExactly(name);
    return containers.get(0);
  }

  /** @return the container port named {@code http} */
  int httpPort(String name) {
    List<ContainerPort> ports = container(name).getPorts();
    Optional<ContainerPort> http = ports.stream().filter(p -> "http".equals(p.getName())).findFirst();
    assertThat(http).as("[%s] container port 'http' of %s", overlay, name).isPresent();
    return http.orElseThrow().getContainerPort();
  }

  /** @return a port given by name or number, resolved against the service's container */
  int resolvePort(String name, IntOrString port) {
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    return container(name).getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
        .map(ContainerPort::getContainerPort).findFirst()
        .orElseThrow(() -> new AssertionError("[" + overlay + "] " + name + " has no container port named "
            + port.getStrVal()));
  }

  /**
   * The environment a service's container sees: its ConfigMaps (envFrom, resolved to the rendered ConfigMap's
   * keys) then its env entries, value {@code null} for one taken from a Secret.
   */
  Map<String, String> environment(String name) {
    Container container = container(name);
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvFromSource source : container.getEnvFrom()) {
      assertThat(source.getConfigMapRef()).as("[%s] envFrom of %s is a ConfigMap", overlay, name).isNotNull();
      env.putAll(configMap(source.getConfigMapRef().getName()).getData());
    }
    for (EnvVar var : container.getEnv()) {
      env.put(var.getName(), var.getValue());
    }
    return env;
  }

  ConfigMap configMap(String name) {
    return all(ConfigMap.class).stream().filter(c -> name.equals(c.getMetadata().getName())).findFirst()
        .orElseThrow(() -> new AssertionError("[" + overlay + "] no ConfigMap " + name));
  }
}
