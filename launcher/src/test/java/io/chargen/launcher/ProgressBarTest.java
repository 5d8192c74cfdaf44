package io.chargen.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  private static String run(boolean terminal) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "train", terminal);
    for (int epoch = 1; epoch <= 3; epoch++) {
      for (int batch = 1; batch <= 4; batch++) {
        bar.update((epoch - 1) * 4L + batch, 12, "epoch " + epoch + "/3", "loss 0.5");
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("off a terminal: no carriage returns, one line per stage and one when done")
  void plainLinesOffATerminal() {
    String out = run(false);
    assertThat(out).doesNotContain("\r");
    assertThat(out.lines()).hasSize(4).satisfiesExactly(
        l -> assertThat(l).startsWith("train: epoch 1/3 ("),
        l -> assertThat(l).startsWith("train: epoch 2/3 ("),
        l -> assertThat(l).startsWith("train: epoch 3/3 ("),
        l -> assertThat(l).startsWith("train: done in ").endsWith("loss 0.5"));
  }

  @Test
  @DisplayName("on a terminal: a bar redrawn in place that ends with a newline at 100 %")
  void barOnATerminal() {
    String out = run(true);
    assertThat(out).startsWith("\rtrain [").contains("100% epoch 3/3 loss 0.5").endsWith(System.lineSeparator());
  }
}
