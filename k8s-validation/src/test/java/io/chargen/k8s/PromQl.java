package io.chargen.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The series selectors of a PromQL expression — metric names and label matchers — found by a small lexer, enough
 * to check dashboards and alerts against the metrics that exist. Functions, aggregations, keywords, the label lists
 * of {@code by}/{@code without}/{@code on}/{@code ignoring}/{@code group_left}/{@code group_right}, range and
 * offset durations and numbers are skipped. Syntax is promtool's job, not this class's.
 */
final class PromQl {
  /** Words that are never metric names: operators, modifiers, aggregations. */
  private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
      "and", "or", "unless", "bool", "offset", "sum", "avg", "min", "max", "count", "stddev", "stdvar", "topk",
      "bottomk", "quantile", "count_values", "group", "inf", "nan");
  /** Keywords followed by a parenthesised list of label names. */
  private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left",
      "group_right");

  /**
   * One label matcher.
   *
   * @param label the label name
   * @param op {@code =}, {@code !=}, {@code =~} or {@code !~}
   * @param value the value or regular expression, unescaped
   */
  record Matcher(String label, String op, String value) {
    boolean literal() {
      return "=".equals(op);
    }
  }

  /**
   * One selector.
   *
   * @param name the metric name, or null when only {@code __name__} matchers give it
   * @param matchers its label matchers, {@code __name__} included
   */
  record Selector(String name, List<Matcher> matchers) {}

  private final String text;
  private int pos;

  private PromQl(String text) {
    this.text = text;
  }

  /** @return every selector of the expression, in order */
  static List<Selector> selectors(String expression) {
    return new PromQl(expression).scan();
  }

  private List<Selector> scan() {
    List<Selector> out = new ArrayList<>();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '"' || c == '\'' || c == '`') {
        string();
      } else if (c == '[') {
        pos = text.indexOf(']', pos) + 1;
      } else if (c == '{') {
        out.add(new Selector(null, matchers()));
      } else if (Character.isLetter(c) || c == '_' || c == ':') {
        String word = word();
        skipSpace();
        boolean call = pos < text.length() && text.charAt(pos) == '(';
        if (LABEL_LISTS.contains(word) && call) {
          pos = text.indexOf(')', pos) + 1;
        } else if ("offset".equals(word)) {
          word();
        } else if (!call && !KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
          boolean braces = pos < text.length() && text.charAt(pos) == '{';
          out.add(new Selector(word, braces ? matchers() : List.of()));
        }
      } else if (Character.isDigit(c) || c == '.') {
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
          pos++;
        }
      } else {
        pos++;
      }
    }
    return out;
  }

  private List<Matcher> matchers() {
    pos++; // '{'
    List<Matcher> out = new ArrayList<>();
    while (true) {
      skipSpace();
      if (text.charAt(pos) == '}') {
        pos++;
        return out;
      }
      if (text.charAt(pos) == ',') {
        pos++;
        continue;
      }
      String label = word();
      skipSpace();
      String op = text.startsWith("=~", pos) || text.startsWith("!=", pos) || text.startsWith("!~", pos)
          ? text.substring(pos, pos + 2) : "=";
      pos += op.length();
      skipSpace();
      out.add(new Matcher(label, op, string()));
    }
  }

  private String string() {
    char quote = text.charAt(pos++);
    StringBuilder s = new StringBuilder();
    while (text.charAt(pos) != quote) {
      char c = text.charAt(pos++);
      if (c == '\\' && quote != '`') {
        c = text.charAt(pos++);
      }
      s.append(c);
    }
    pos++;
    return s.toString();
  }

  private String word() {
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
        || text.charAt(pos) == ':')) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
