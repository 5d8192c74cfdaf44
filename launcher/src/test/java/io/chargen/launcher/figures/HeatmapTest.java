package io.chargen.launcher.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Heatmap")
class HeatmapTest {
  private static final int STEPS = 30;
  private static final int UNITS = 20;

  @TempDir
  Path dir;

  @Test
  @DisplayName("writes a PNG of its stated size, red where the value is positive, blue where negative")
  void colourEncodesSign() throws IOException {
    float[][] values = new float[STEPS][UNITS];
    values[3][1] = 0.8f;
    values[10][15] = -0.8f;
    Heatmap heatmap = new Heatmap("c over time", values, "time step", "hidden unit");

    BufferedImage read = ImageIO.read(Png.write(heatmap.render(), dir.resolve("h.png")).toFile());

    assertThat(read.getWidth()).isEqualTo(heatmap.width());
    assertThat(read.getHeight()).isEqualTo(heatmap.height());
    Color positive = centre(read, heatmap.cellBounds(3, 1));
    Color negative = centre(read, heatmap.cellBounds(10, 15));
    Color zero = centre(read, heatmap.cellBounds(20, 5));
    assertThat(positive.getRed()).isGreaterThan(positive.getBlue() + 50);
    assertThat(negative.getBlue()).isGreaterThan(negative.getRed() + 50);
    assertThat(zero.getRed() + zero.getGreen() + zero.getBlue()).isGreaterThan(700);
    assertThat(heatmap.scale().limit()).isEqualTo(0.8f);
  }

  @Test
  @DisplayName("rejects a ragged matrix, naming the bad row")
  void rejectsRagged() {
    float[][] values = {new float[3], new float[2]};
    assertThatThrownBy(() -> new Heatmap("t", values, "x", "y")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1 has 2 units");
  }

  @Test
  @DisplayName("rejects an empty matrix")
  void rejectsEmpty() {
    assertThatThrownBy(() -> new Heatmap("t", new float[0][], "x", "y"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 steps");
  }

  private static Color centre(BufferedImage image, Rectangle r) {
    return Pixels.at(image, r.getCenterX(), r.getCenterY());
  }
}
