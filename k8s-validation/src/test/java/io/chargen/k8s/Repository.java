package io.chargen.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository the tests read: the kustomize overlays under {@code k8s/overlays} and the service modules. */
final class Repository {
  private static final Pattern SERVICE_MODULE = Pattern.compile("<module>([a-z0-9-]+)-service</module>");

  private Repository() {}

  /** @return the repository root, from system property {@code chargen.root} (set by the module's pom) */
  static Path root() {
    Path root = Path.of(System.getProperty("chargen.root", "..")).toAbsolutePath().normalize();
    assertThat(root.resolve("k8s")).as("k8s/ under the repository root %s", root).isDirectory();
    return root;
  }

  /** @return the overlay names (directories of {@code k8s/overlays}), e.g. dev and prod */
  static Stream<String> overlays() {
    try (Stream<Path> dirs = Files.list(root().resolve("k8s/overlays"))) {
      List<String> names = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names).as("overlays under k8s/overlays").isNotEmpty();
      return names.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the names of the service modules in the root pom, without {@code -service}: capture, learner… */
  static List<String> serviceNames() {
    String pom = read(root().resolve("pom.xml"));
    Matcher m = SERVICE_MODULE.matcher(pom);
    return m.results().map(r -> r.group(1)).sorted().toList();
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
