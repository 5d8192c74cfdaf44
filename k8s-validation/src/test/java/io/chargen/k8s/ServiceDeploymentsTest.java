package io.chargen.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each service module has a Deployment, a Service and a PDB that match its code: port, probes, shutdown. */
class ServiceDeploymentsTest {
  /** The services of issue 3; the root pom may not list all of them until every branch is merged. */
  static final List<String> SERVICES = List.of("capture", "classifier", "generator", "learner");
  private static final String HEALTH = "/health";
  /** Liveness: process only, so a Kafka outage does not restart every pod. */
  private static final String LIVE = "/health/live";
  private static final String METRICS = "/metrics";

  static Stream<String> serviceNames() {
    return SERVICES.stream();
  }

  static Stream<Arguments> overlayAndService() {
    return Repository.overlays().flatMap(o -> SERVICES.stream().map(s -> Arguments.of(o, s)));
  }

  /** @return the service's code, or aborts (skipped, with the reason) when its module is not merged yet */
  static ServiceCode codeOf(String service) {
    Optional<ServiceCode> code = ServiceCode.read(service);
    assumeThat(code).as("module %s-service is not in this branch yet: nothing to compare with", service)
        .isPresent();
    return code.orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.chargen.k8s.Repository#overlays")
  @DisplayName("Every service module in the root pom has a Deployment, a Service and a PodDisruptionBudget")
  void everyServiceModuleIsDeployed(String overlay) {
    Manifests manifests = Kustomize.render(overlay);
    assertThat(SERVICES).as("services known to this test").containsAll(Repository.serviceNames());
    for (String service : SERVICES) {
      assertThat(manifests.deployment(service)).as("[%s] Deployment %s", overlay, service).isPresent();
      assertThat(manifests.service(service)).as("[%s] Service %s", overlay, service).isPresent();
      assertThat(manifests.all(PodDisruptionBudget.class)).as("[%s] PodDisruptionBudget of %s", overlay, service)
          .anyMatch(pdb -> service.equals(pdb.getSpec().getSelector().getMatchLabels()
              .get("app.kubernetes.io/name")));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("overlayAndService")
  @DisplayName("The container port is the HTTP port the service's config defaults to, and the Service targets it")
  void containerPortIsTheCodeDefault(String overlay, String service) {
    ServiceCode code = codeOf(service);
    Manifests manifests = Kustomize.render(overlay);
    int port = manifests.httpPort(service);
    assertThat(port).as("[%s] containerPort 'http' of %s vs the default of %s in %s-service", overlay, service,
        ServiceCode.HTTP_PORT, service).isEqualTo(code.defaultHttpPort());
    Service svc = manifests.service(service).orElseThrow();
    assertThat(svc.getSpec().getSelector()).as("[%s] selector of Service %s", overlay, service)
        .containsEntry("app.kubernetes.io/name", service);
    for (ServicePort servicePort : svc.getSpec().getPorts()) {
      assertThat(manifests.resolvePort(service, servicePort.getTargetPort()))
          .as("[%s] targetPort of Service %s", overlay, service).isEqualTo(port);
    }
    Map<String, String> annotations = manifests.requireDeployment(service).getSpec().getTemplate().getMetadata()
        .getAnnotations();
    // /metrics is on the management port, never the API port (issue 12).
    assertThat(manifests.resolvePort(service, new io.fabric8.kubernetes.api.model.IntOrString("management")))
        .as("[%s] containerPort 'management' of %s", overlay, service)
        .isEqualTo(io.chargen.service.HttpSettings.DEFAULT_MANAGEMENT_PORT);
    assertThat(annotations).as("[%s] Prometheus annotations of %s", overlay, service)
        .containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/port", String.valueOf(io.chargen.service.HttpSettings.DEFAULT_MANAGEMENT_PORT))
        .containsEntry("prometheus.io/path", METRICS);
    assertThat(code.getRoutes()).as("GET routes of %s-service", service).contains(METRICS);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("overlayAndService")
  @DisplayName("Startup and readiness probes GET /health, liveness GETs /health/live, routes the service serves")
  void probesHitTheHealthRoute(String overlay, String service) {
    ServiceCode code = codeOf(service);
    Manifests manifests = Kustomize.render(overlay);
    assertThat(code.getRoutes()).as("GET routes of %s-service and service-support", service).contains(HEALTH, LIVE);
    assertThat(code.serves(HEALTH)).as("%s-service mounts ServiceHttp.router or declares %s", service, HEALTH)
        .isTrue();
    Container container = manifests.container(service);
    int port = manifests.httpPort(service);
    Probe[] probes = {container.getStartupProbe(), container.getReadinessProbe(), container.getLivenessProbe()};
    String[] paths = {HEALTH, HEALTH, LIVE};
    for (int i = 0; i < probes.length; i++) {
      Probe probe = probes[i];
      assertThat(probe).as("[%s] probes of %s", overlay, service).isNotNull();
      HTTPGetAction get = probe.getHttpGet();
      assertThat(get).as("[%s] probe of %s is an HTTP GET", overlay, service).isNotNull();
      assertThat(get.getPath()).as("[%s] probe path of %s", overlay, service).isEqualTo(paths[i]);
      assertThat(manifests.resolvePort(service, get.getPort())).as("[%s] probe port of %s", overlay, service)
          .isEqualTo(port);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("overlayAndService")
  @DisplayName("The grace period covers the preStop sleep plus the service's own shutdown time")
  void gracePeriodCoversShutdown(String overlay, String service) {
    ServiceCode code = codeOf(service);
    Manifests manifests = Kustomize.render(overlay);
    PodSpec pod = manifests.requireDeployment(service).getSpec().getTemplate().getSpec();
    Container container = manifests.container(service);
    int preStop = 0;
    if (container.getLifecycle() != null && container.getLifecycle().getPreStop() != null) {
      List<String> command = container.getLifecycle().getPreStop().getExec().getCommand();
      assertThat(command).as("[%s] preStop of %s is 'sleep N'", overlay, service).hasSize(2).first()
          .isEqualTo("sleep");
      preStop = Integer.parseInt(command.get(1));
    }
    assertThat(pod.getTerminationGracePeriodSeconds()).as("[%s] terminationGracePeriodSeconds of %s", overlay,
        service).isGreaterThanOrEqualTo((long) preStop + code.shutdownSeconds());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("overlayAndService")
  @DisplayName("Pods run as non-root with requests and a memory limit, which the JVM sizes its heap from")
  void podsAreBoundedAndUnprivileged(String overlay, String service) {
    Manifests manifests = Kustomize.render(overlay);
    Deployment deployment = manifests.requireDeployment(service);
    assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot())
        .as("[%s] runAsNonRoot of %s", overlay, service).isTrue();
    Container container = manifests.container(service);
    assertThat(container.getResources().getRequests()).as("[%s] requests of %s", overlay, service)
        .containsKeys("cpu", "memory");
    assertThat(container.getResources().getLimits()).as("[%s] limits of %s", overlay, service)
        .containsKey("memory");
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
  }
}
