package io.chargen.k8s;

import static org.assertj.core.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders an overlay with {@code kubectl kustomize} (kustomize built into kubectl: no cluster is contacted) and
 * parses the documents with the fabric8 model; Strimzi, KEDA and Prometheus Operator resources come back as
 * {@code GenericKubernetesResource}. Each overlay is rendered once per test run.
 */
final class Kustomize {
  /** kubectl on the PATH unless {@code KUBECTL} names another binary. */
  private static final String KUBECTL = System.getenv().getOrDefault("KUBECTL", "kubectl");
  /** Rendering takes well under a second; a hung kubectl must not hang the build. */
  private static final long TIMEOUT_SECONDS = 60;
  private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();
  private static final Map<String, List<Map<String, Object>>> DOCUMENTS = new ConcurrentHashMap<>();
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Kustomize() {}

  /**
   * @param overlay a directory name under {@code k8s/overlays}
   * @return its rendered resources
   */
  static Manifests render(String overlay) {
    return RENDERED.computeIfAbsent(overlay, Kustomize::run);
  }

  /**
   * @param overlay a directory name under {@code k8s/overlays}
   * @return its rendered documents as plain maps, exactly as kustomize wrote them (for schema checks)
   */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> documents(String overlay) {
    return DOCUMENTS.computeIfAbsent(overlay, o -> split(o).stream()
        .map(doc -> (Map<String, Object>) SERIALIZATION.unmarshal(doc, Map.class)).toList());
  }

  private static Manifests run(String overlay) {
    List<HasMetadata> resources = split(overlay).stream()
        .map(doc -> (HasMetadata) SERIALIZATION.unmarshal(doc))
        .toList();
    return new Manifests(overlay, resources);
  }

  private static List<String> split(String overlay) {
    Path dir = Repository.root().resolve("k8s/overlays").resolve(overlay);
    String yaml = exec(KUBECTL, "kustomize", dir.toString());
    return Arrays.stream(yaml.split("(?m)^---\\s*$")).filter(doc -> !doc.isBlank()).toList();
  }

  private static String exec(String... command) {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return fail("cannot run '%s': kubectl is not installed or not on the PATH (.ci/run installs it; set KUBECTL to"
          + " use another binary): %s", String.join(" ", command), e.getMessage());
    }
    try {
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return fail("'%s' did not finish in %d s", String.join(" ", command), TIMEOUT_SECONDS);
      }
      String text = new String(out, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        return fail("'%s' exited %d:%n%s", String.join(" ", command), process.exitValue(), text);
      }
      return text;
    } catch (IOException e) {
      return fail("reading the output of '%s' failed: %s", String.join(" ", command), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted while running '%s'", String.join(" ", command));
    }
  }
}
