package io.chargen.k8s;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The image build configuration of the Maven project, read from its poms: the parent's Jib defaults
 * (pluginManagement) and a service module's own Jib settings, as Jib merges them (the module's value wins).
 */
final class ImageBuild {
  static final String JIB = "jib-maven-plugin";
  static final String CYCLONEDX = "cyclonedx-maven-plugin";
  private final Document parent;
  private final Document module;

  private ImageBuild(Document parent, Document module) {
    this.parent = parent;
    this.module = module;
  }

  /** @param service e.g. {@code classifier} */
  static ImageBuild of(String service) {
    Path root = Repository.root();
    return new ImageBuild(parse(root.resolve("pom.xml")), parse(root.resolve(service + "-service/pom.xml")));
  }

  /** @return the parent's value of a property, e.g. {@code image.base} */
  String property(String name) {
    return text(first(parent.getDocumentElement(), "properties").flatMap(p -> first(p, name)))
        .orElseThrow(() -> new AssertionError("the root pom has no property " + name));
  }

  /** @return whether the module declares the plugin in its build (not only inherits its management) */
  boolean moduleUses(String artifactId) {
    return plugin(module, "build/plugins").stream().anyMatch(p -> artifactId.equals(childText(p, "artifactId")));
  }

  /**
   * @param path a configuration path below the Jib plugin's {@code configuration}, e.g. {@code container/user}
   * @return the module's value, else the parent's managed one (property references unresolved)
   */
  Optional<String> jib(String path) {
    Optional<String> own = configured(module, "build/plugins", JIB, path);
    return own.isPresent() ? own : configured(parent, "build/pluginManagement/plugins", JIB, path);
  }

  /** @return the texts of the repeated elements at a path of the Jib configuration (module first, else parent) */
  List<String> jibList(String path) {
    List<String> own = configuredAll(module, "build/plugins", JIB, path);
    return !own.isEmpty() ? own : configuredAll(parent, "build/pluginManagement/plugins", JIB, path);
  }

  /** @return the parent's managed configuration of a plugin at a path */
  Optional<String> managed(String artifactId, String path) {
    return configured(parent, "build/pluginManagement/plugins", artifactId, path);
  }

  private static Optional<String> configured(Document pom, String plugins, String artifactId, String path) {
    List<String> all = configuredAll(pom, plugins, artifactId, path);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  private static List<String> configuredAll(Document pom, String plugins, String artifactId, String path) {
    List<String> values = new ArrayList<>();
    for (Element p : plugin(pom, plugins)) {
      if (!artifactId.equals(childText(p, "artifactId"))) {
        continue;
      }
      List<Element> level = new ArrayList<>(first(p, "configuration").stream().toList());
      String[] steps = path.split("/");
      for (String step : steps) {
        List<Element> next = new ArrayList<>();
        level.forEach(e -> next.addAll(children(e, step)));
        level = next;
      }
      level.forEach(e -> values.add(e.getTextContent().trim()));
    }
    return values;
  }

  private static List<Element> plugin(Document pom, String path) {
    List<Element> level = List.of(pom.getDocumentElement());
    for (String step : (path + "/plugin").split("/")) {
      List<Element> next = new ArrayList<>();
      level.forEach(e -> next.addAll(children(e, step)));
      level = next;
    }
    return level;
  }

  private static List<Element> children(Element e, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = e.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element child && name.equals(child.getTagName())) {
        out.add(child);
      }
    }
    return out;
  }

  private static Optional<Element> first(Element e, String name) {
    return children(e, name).stream().findFirst();
  }

  private static String childText(Element e, String name) {
    return text(first(e, name)).orElse(null);
  }

  private static Optional<String> text(Optional<Element> e) {
    return e.map(x -> x.getTextContent().trim());
  }

  private static Document parse(Path pom) {
    try {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    } catch (Exception e) {
      throw new AssertionError("cannot parse " + pom + ": " + e.getMessage(), e);
    }
  }
}
