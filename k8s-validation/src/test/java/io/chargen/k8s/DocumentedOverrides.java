package io.chargen.k8s;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deliberate overrides: environment values the manifests set although they differ from the code's default,
 * each with its reason, as the table under {@value #HEADING} in {@code k8s/README.md} lists them. A value taken
 * from a Secret is written {@code from Secret …}.
 */
final class DocumentedOverrides {
  static final String HEADING = "### Settings that differ from the code's defaults";
  /** The value a row gives for a variable taken from a Secret (the manifests hold no value to compare). */
  static final String FROM_SECRET = "from Secret";
  private static final Pattern ROW = Pattern.compile("^\\| `(CHARGEN_[A-Z0-9_]+)` \\| (.+?) \\| (.+) \\|$",
      Pattern.MULTILINE);
  private static final Pattern CODE = Pattern.compile("^`([^`]*)`$");

  private DocumentedOverrides() {}

  /** @return variable → documented value (or {@value #FROM_SECRET}), in the order of the table */
  static Map<String, String> read() {
    String readme = Repository.read(Repository.root().resolve("k8s/README.md"));
    int start = readme.indexOf(HEADING);
    if (start < 0) {
      throw new AssertionError("k8s/README.md has no section '" + HEADING + "'");
    }
    int end = readme.indexOf("\n#", start + HEADING.length());
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    Map<String, String> rows = new LinkedHashMap<>();
    Matcher m = ROW.matcher(section);
    while (m.find()) {
      String cell = m.group(2).trim();
      Matcher code = CODE.matcher(cell);
      String value = cell.startsWith(FROM_SECRET) ? FROM_SECRET : code.matches() ? code.group(1) : cell;
      if (rows.put(m.group(1), value) != null) {
        throw new AssertionError("k8s/README.md lists " + m.group(1) + " twice under '" + HEADING + "'");
      }
    }
    return rows;
  }
}
