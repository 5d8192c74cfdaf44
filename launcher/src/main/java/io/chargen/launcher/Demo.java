package io.chargen.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargen.launcher.figures.FigureGrid;
import io.chargen.launcher.figures.Png;
import io.chargen.model.ConceptSet;
import io.chargen.model.StrokeSequence;
import io.chargen.model.data.DigiletsDataset;
import io.chargen.model.data.DigiletsReader;
import io.chargen.model.data.PenSample;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code up --demo} script: what a tablet and a dashboard would do, through the services' public HTTP APIs only.
 * Teaches a writer's n–z from one example each, asks for variants and a blend, and classifies the writer's second
 * instance of every letter. Pictures go to the output folder.
 */
final class Demo {
  private static final String CAPTURE = "http://localhost:8081";
  private static final String GENERATOR = "http://localhost:8082";
  private static final String LEARNER = "http://localhost:8084";
  private static final char FIRST = 'n';
  private static final char LAST = 'z';
  private static final int QUERY_INSTANCE = 1;
  private static final int VARIANTS = 5;
  /** Letters the base model was trained on that teach the writer's hand (issue 7). */
  private static final String HAND_LETTERS = "ace";
  /** The middle of the paper's noise range (0.009–0.07). */
  private static final double NOISE = 0.03;
  private static final Duration WAIT = Duration.ofMinutes(3);

  private final Path writerFile;
  private final Path out;
  private final PrintStream log;
  private final DemoHttp http;

  /**
   * @param writerFile the writer's letters
   * @param out where the pictures go
   * @param log progress
   * @param token the demo's bearer token (tenant demo): it is a client like any other
   */
  Demo(Path writerFile, Path out, PrintStream log, String token) {
    this.http = new DemoHttp(token);
    this.writerFile = writerFile;
    this.out = out;
    this.log = log;
  }

  void run() throws Exception {
    DigiletsDataset data = DigiletsReader.readDataset(writerFile);
    String writer = data.writers().get(0);
    log.printf("%ndemo: teaching %c-%c from ONE example each of writer %s%n", FIRST, LAST, writer);
    for (char c = FIRST; c <= LAST; c++) {
      PenSample s = data.sample(writer, c, 0);
      JsonNode r = http.post(CAPTURE + "/v1/examples", PenJson.toJson(String.valueOf(c), writer, s.points()));
      log.printf("  taught '%c' (%d points) -> example %s%n", c, s.points().size(), r.path("id").asText());
    }
    awaitLearned(LAST - FIRST + 1);
    String hand = ConceptSet.styleOf(writer);
    log.printf("demo: teaching %s's hand (%s) from their %s%n", writer, hand, HAND_LETTERS);
    for (char c : HAND_LETTERS.toCharArray()) {
      PenSample s = data.sample(writer, c, 0);
      http.post(CAPTURE + "/v1/examples", PenJson.toJson(String.valueOf(c), writer, s.points()));
    }
    http.pollUntil(LEARNER + "/v1/concepts", WAIT, json -> {
      for (JsonNode c : json.path("concepts")) {
        if (c.path("label").asText().equals(hand) && c.path("version").asLong() >= HAND_LETTERS.length()) {
          return true;
        }
      }
      return false;
    });
    log.printf("  learned %s from %d letters%n", hand, HAND_LETTERS.length());
    generate(hand);
    classify(data, writer);
    log.printf("demo: done; pictures in %s. The system keeps running: try the URLs above.%n", out.toAbsolutePath());
  }

  private void awaitLearned(int count) throws Exception {
    JsonNode concepts = http.pollUntil(LEARNER + "/v1/concepts", WAIT,
        json -> learned(json) >= count);
    for (JsonNode c : concepts.path("concepts")) {
      if (!c.path("learned").asBoolean()) {
        continue;
      }
      log.printf("  learned '%s' v%d: MSE %.3f -> %.3f%n", c.path("label").asText(), c.path("version").asLong(),
          c.path("mse_before").asDouble(), c.path("mse_after").asDouble());
    }
  }

  static int learned(JsonNode concepts) {
    int n = 0;
    for (JsonNode c : concepts.path("concepts")) {
      n += c.path("learned").asBoolean() ? 1 : 0;
    }
    return n;
  }

  /** Variants of two learned letters, a blend, and a letter the writer did not teach, typical and in their hand. */
  private void generate(String hand) throws Exception {
    List<String> rows = new ArrayList<>();
    List<StrokeSequence[]> cells = new ArrayList<>();
    for (Map<String, Double> mix : List.of(Map.of("n", 1.0), Map.of("w", 1.0), Map.of("n", 0.5, "o", 0.5),
        Map.of("b", 1.0), Map.of("b", 1.0, hand, 1.0))) {
      Map<String, Object> request = new LinkedHashMap<>();
      request.put("mix", mix);
      request.put("variants", VARIANTS);
      request.put("noise", NOISE);
      request.put("seed", 7); // no steps: every letter ends when it is finished (its natural length)
      String id = http.post(GENERATOR + "/v1/generations", request).path("id").asText();
      JsonNode done = http.pollUntil(GENERATOR + "/v1/generations/" + id, WAIT,
          json -> "done".equals(json.path("status").asText()));
      List<StrokeSequence> row = new ArrayList<>();
      for (JsonNode t : done.path("trajectories")) {
        row.add(DemoHttp.steps(t.path("points")));
      }
      rows.add(caption(mix));
      cells.add(row.toArray(StrokeSequence[]::new));
      log.printf("  generated %d variants of %s (noise SD %.2f)%n", row.size(), mix, NOISE);
    }
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < VARIANTS; i++) {
      columns.add("seed " + (7 + i));
    }
    Path file = Png.write(new FigureGrid("chargen demo: variants, a blend, a writer's hand", rows, columns,
        cells.toArray(StrokeSequence[][]::new)).render(), out.resolve("generations.png"));
    log.printf("  picture: %s%n", file);
  }

  /** "n", "n 0.5 + o 0.5", "b in @writer": short row captions. */
  private static String caption(Map<String, Double> mix) {
    Map<String, Double> letters = new TreeMap<>(mix);
    letters.keySet().removeIf(ConceptSet::isStyle);
    String hand = mix.keySet().stream().filter(ConceptSet::isStyle).map(h -> " in " + h).findFirst().orElse("");
    List<String> parts = new ArrayList<>();
    letters.forEach((l, w) -> parts.add(letters.size() == 1 ? l : l + " " + w));
    return String.join(" + ", parts) + hand;
  }

  private void classify(DigiletsDataset data, String writer) throws Exception {
    log.printf("demo: classifying instance %d of every letter (13-way)%n", QUERY_INSTANCE);
    int right = 0;
    for (char c = FIRST; c <= LAST; c++) {
      PenSample s = data.sample(writer, c, QUERY_INSTANCE);
      String id = http.post(CAPTURE + "/v1/queries", PenJson.toJson(null, writer, s.points())).path("id").asText();
      JsonNode result = http.pollUntil(CAPTURE + "/v1/queries/" + id, WAIT, json -> json.hasNonNull("label"));
      String label = result.path("label").asText();
      right += label.equals(String.valueOf(c)) ? 1 : 0;
      log.printf("  query written as '%c' -> '%s' %s (%s)%n", c, label, label.equals(String.valueOf(c)) ? "right"
          : "wrong", result.path("method").asText());
    }
    log.printf("  %d of %d right%n", right, LAST - FIRST + 1);
  }
}
