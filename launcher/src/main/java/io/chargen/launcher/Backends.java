package io.chargen.launcher;

import io.chargen.model.Backend;
import io.chargen.model.kernel.FastBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds a backend by name: {@code fast} is built in; others (DL4J) are found with {@link ServiceLoader} when their
 * module is on the class path, which the {@code ./chargen} script arranges for {@code --backend dl4j}.
 */
final class Backends {
  private Backends() {}

  static Backend byName(String name) {
    if (name.equals("fast")) {
      return new FastBackend();
    }
    List<String> known = new ArrayList<>(List.of("fast"));
    for (Backend b : ServiceLoader.load(Backend.class)) {
      if (b.name().equals(name)) {
        return b;
      }
      known.add(b.name());
    }
    throw new IllegalArgumentException("unknown backend '" + name + "'; available here: " + known
        + (name.equals("dl4j") ? " (run through ./chargen, which adds model-dl4j to the class path)" : ""));
  }
}
