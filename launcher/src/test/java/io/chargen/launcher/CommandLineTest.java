package io.chargen.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargen.model.CharModel;
import io.chargen.model.fixtures.RealLetters;
import io.chargen.model.io.ModelFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contracts of the issue, run in-process on a small model trained by the test itself. */
class CommandLineTest {
  @TempDir
  static Path dir;
  static Path model;
  static Path writerFile;

  record Run(int exit, String out, String err) {
    JsonNode json() throws Exception {
      return Json.MAPPER.readTree(out);
    }
  }

  static Run run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      var cli = Chargen.commandLine();
      cli.setErr(new PrintWriter(err, true));
      int exit = cli.execute(args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(original);
    }
  }

  @BeforeAll
  static void trainTinyModel() throws Exception {
    Path data = RealLetters.dataFolder();
    try (var files = Files.list(data)) {
      writerFile = files.filter(p -> p.toString().endsWith(".txt.gz")).sorted().findFirst().orElseThrow();
    }
    model = dir.resolve("tiny.cgm");
    Run train = run("train", "--data", writerFile.toString(), "--out", model.toString(), "--letters", "a-c",
        "--epochs", "2", "--aligned-epochs", "2", "--hidden", "16", "--batch", "5");
    assertThat(train.exit()).as(train.err()).isZero();
    assertThat(train.json().get("samples").asInt()).isEqualTo(15);
  }

  @Test
  @DisplayName("generate prints raw points, and with --states cell and hidden of steps×H")
  void generateContract() throws Exception {
    Run r = run("generate", "--model", model.toString(), "--mix", "a=1", "--steps", "12", "--states");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = r.json();
    assertThat(json.get("points")).hasSize(12);
    assertThat(json.get("points").get(0)).hasSize(4);
    assertThat(json.get("cell")).hasSize(12);
    assertThat(json.get("hidden").get(11)).hasSize(16);
  }

  @Test
  @DisplayName("--mix n=0.3,o=0.7 style blends work and a blend differs from its parts; same seed, same variant")
  void blendsAndSeededNoise() throws Exception {
    JsonNode a = run("generate", "--model", model.toString(), "--mix", "a=1", "--steps", "8").json();
    JsonNode blend = run("generate", "--model", model.toString(), "--mix", "a=0.5,b=0.5", "--steps", "8").json();
    assertThat(blend.get("points")).isNotEqualTo(a.get("points"));
    String[] noisy = {"generate", "--model", model.toString(), "--mix", "a=1", "--mix-more", "b=0", "--steps", "8",
        "--noise", "0.05", "--seed", "3"};
    assertThat(run(noisy).json()).isEqualTo(run(noisy).json());
  }

  @Test
  @DisplayName("bad arguments exit 2 with an error naming the bad value")
  void badArguments() {
    Run sum = run("generate", "--model", model.toString(), "--mix", "a=0.5,b=0.2", "--steps", "8");
    assertThat(sum.exit()).isEqualTo(2);
    assertThat(sum.err()).contains("sum to 0.7");
    Run unknown = run("generate", "--model", model.toString(), "--mix", "Q=1", "--steps", "8");
    assertThat(unknown.err()).contains("unknown concept \"Q\"");
    Run noModel = run("generate", "--model", dir.resolve("missing.cgm").toString(), "--mix", "a=1");
    assertThat(noModel.exit()).isEqualTo(2);
    assertThat(noModel.err()).contains("model file not found: " + dir.resolve("missing.cgm"))
        .contains("chargen generate --help");
    Run unknownOption = run("generate", "--modle", model.toString(), "--mix", "a=1");
    assertThat(unknownOption.exit()).isEqualTo(2);
    assertThat(unknownOption.err()).contains("--modle");
    Run backend = run("generate", "--model", model.toString(), "--mix", "a=1", "--backend", "gpu");
    assertThat(backend.err()).contains("unknown backend 'gpu'");
  }

  @Test
  @DisplayName("a failure of the program itself exits 1 naming the problem, not 2 like a bad argument")
  void softwareErrorsExitOne() throws Exception {
    Path corrupt = dir.resolve("corrupt.cgm");
    Files.writeString(corrupt, "not a model");
    Run r = run("generate", "--model", corrupt.toString(), "--mix", "a=1");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("chargen generate: error: ").contains("corrupt.cgm is not a chargen model file");
  }

  @Test
  @DisplayName("--version names the version Maven built, not a constant in the code")
  void versionFromTheBuild() throws Exception {
    Run r = run("--version");
    assertThat(r.exit()).isZero();
    String built = new String(CommandLineTest.class.getResourceAsStream(BuildVersion.RESOURCE).readAllBytes(),
        StandardCharsets.UTF_8);
    assertThat(built).doesNotContain("${project.version}").contains("version=" + BuildVersion.version());
    assertThat(r.out()).startsWith("chargen " + BuildVersion.version()).contains("Java ");
    assertThat(BuildVersion.version()).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  @DisplayName("classify offers best (the default), dtw_1nn and paper; the template methods name what they lack")
  void classifyMethods() throws Exception {
    Path templates = dir.resolve("templates");
    Files.createDirectories(templates);
    for (String letter : List.of("a", "b", "c")) {
      Files.writeString(templates.resolve(letter + ".json"),
          run("export", "--data", writerFile.toString(), "--letter", letter, "--instance", "0").out());
    }
    Path query = dir.resolve("b-2.json");
    Files.writeString(query, run("export", "--data", writerFile.toString(), "--letter", "b", "--instance", "2",
        "--no-label").out());
    Run best = run("classify", "--model", model.toString(), "--query", query.toString(), "--templates",
        templates.toString());
    assertThat(best.exit()).as(best.err()).isZero();
    assertThat(best.json().get("method").asText()).isEqualTo("best");
    assertThat(best.json().get("scores")).hasSize(3);
    Run dtw = run("classify", "--model", model.toString(), "--query", query.toString(), "--method", "dtw_1nn",
        "--templates", templates.resolve("a.json") + "," + templates.resolve("b.json"));
    assertThat(dtw.exit()).as(dtw.err()).isZero();
    assertThat(dtw.json().get("method").asText()).isEqualTo("dtw_1nn");
    assertThat(dtw.json().get("scores")).hasSize(2);
    Run noTemplates = run("classify", "--model", model.toString(), "--query", query.toString());
    assertThat(noTemplates.exit()).isEqualTo(2);
    assertThat(noTemplates.err()).contains("--method best compares with labelled examples: give --templates");
    Run unknown = run("classify", "--model", model.toString(), "--query", query.toString(), "--method", "knn");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("--method knn is not one of [best, dtw_1nn, paper, paper_fast]");
    Run missing = run("classify", "--model", model.toString(), "--query", query.toString(), "--templates",
        dir.resolve("nowhere").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("template file not found: " + dir.resolve("nowhere"));
  }

  @Test
  @DisplayName("export, learn and classify work end to end on one real letter")
  void learnAndClassify() throws Exception {
    Run export = run("export", "--data", writerFile.toString(), "--letter", "n");
    Path example = dir.resolve("n.json");
    Files.writeString(example, export.out());
    Path grown = dir.resolve("grown.cgm");
    Run learn = run("learn", "--model", model.toString(), "--example", example.toString(), "--out", grown.toString());
    assertThat(learn.exit()).as(learn.err()).isZero();
    assertThat(learn.json().get("mse_after").asDouble()).isLessThan(learn.json().get("mse_before").asDouble());
    Run classify = run("classify", "--model", grown.toString(), "--query", example.toString(), "--method", "paper",
        "--steps", "50");
    assertThat(classify.exit()).as(classify.err()).isZero();
    assertThat(classify.json().get("scores")).hasSize(26);
  }

  @Test
  @DisplayName("learn-style learns a hand from a and b; generate writes c in it, for c's natural length by default")
  void learnStyle() throws Exception {
    List<String> args = new ArrayList<>(List.of("learn-style", "--model", model.toString(), "--name", "me"));
    for (String letter : List.of("a", "b")) {
      Path example = dir.resolve(letter + "-1.json");
      Files.writeString(example, run("export", "--data", writerFile.toString(), "--letter", letter, "--instance", "1")
          .out());
      args.addAll(List.of("--example", example.toString()));
    }
    Path styled = dir.resolve("styled.cgm");
    args.addAll(List.of("--out", styled.toString()));
    Run learn = run(args.toArray(String[]::new));
    assertThat(learn.exit()).as(learn.err()).isZero();
    assertThat(learn.json().get("style").asText()).isEqualTo("@me");
    assertThat(learn.json().get("mse_after").asDouble()).isLessThanOrEqualTo(learn.json().get("mse_before").asDouble());
    Run inHand = run("generate", "--model", styled.toString(), "--mix", "c=1,@me=1");
    assertThat(inHand.exit()).as(inHand.err()).isZero();
    assertThat(inHand.json().get("points").size()).isEqualTo(
        Integer.parseInt(ModelFile.read(model).metadata().get(CharModel.LENGTH_KEY_PREFIX + "c")));
    Run oneLetter = run("learn-style", "--model", model.toString(), "--name", "x", "--example",
        dir.resolve("a-1.json").toString(), "--out", dir.resolve("x.cgm").toString());
    assertThat(oneLetter.exit()).as(oneLetter.err()).isZero();
    Run paper = run("train", "--data", writerFile.toString(), "--out", dir.resolve("paper.cgm").toString(),
        "--letters", "a", "--epochs", "1", "--hidden", "4", "--paper");
    assertThat(paper.exit()).as(paper.err()).isZero();
    Run noStyles = run("learn-style", "--model", dir.resolve("paper.cgm").toString(), "--name", "x", "--example",
        dir.resolve("a-1.json").toString(), "--out", dir.resolve("x.cgm").toString());
    assertThat(noStyles.exit()).isEqualTo(2);
    assertThat(noStyles.err()).contains("no writer styles");
  }
}
