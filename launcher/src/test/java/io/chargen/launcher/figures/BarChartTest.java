package io.chargen.launcher.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("BarChart")
class BarChartTest {
  private static final List<String> CONCEPTS = List.of("a", "b", "c");

  @TempDir
  Path dir;

  @Test
  @DisplayName("writes a PNG of its stated size with blue positive bars, red negative bars and no bar for zero")
  void barsShowValues() throws IOException {
    float[][] vectors = {{0, 2, -1}, {1, 0, 0}, {0.5f, 0.5f, 0.5f}, {0, 0, 1}};
    BarChart chart = new BarChart("inferred inputs", List.of("n", "o", "p", "q"), vectors, CONCEPTS);

    BufferedImage read = ImageIO.read(Png.write(chart.render(), dir.resolve("bars.png")).toFile());

    assertThat(read.getWidth()).isEqualTo(chart.width());
    assertThat(read.getHeight()).isEqualTo(chart.height());
    Color up = centre(read, chart.barBounds(0, 1));
    Color down = centre(read, chart.barBounds(0, 2));
    assertThat(up.getBlue()).isGreaterThan(up.getRed() + 50);
    assertThat(down.getRed()).isGreaterThan(down.getBlue() + 50);
    Rectangle none = chart.barBounds(0, 0);
    assertThat(none.height).isZero();
    assertThat(Pixels.isPaper(read, none.getCenterX(), none.y - 20)).isTrue();
    assertThat(chart.barBounds(0, 1).height).isCloseTo(2 * chart.barBounds(0, 2).height, within(1));
    assertThat(chart.plotBounds(3).y).isGreaterThan(chart.plotBounds(0).y);
  }

  @Test
  @DisplayName("rejects a vector whose length differs from the concept labels, naming both")
  void rejectsLengthMismatch() {
    float[][] vectors = {{1, 2}};
    assertThatThrownBy(() -> new BarChart("t", List.of("n"), vectors, CONCEPTS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vector 0 has 2 values")
        .hasMessageContaining("3 concept labels");
  }

  @Test
  @DisplayName("rejects query captions that do not match the vectors")
  void rejectsCaptionMismatch() {
    assertThatThrownBy(() -> new BarChart("t", List.of("n", "o"), new float[][] {{1, 2, 3}}, CONCEPTS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 vectors but 2");
  }

  private static Color centre(BufferedImage image, Rectangle r) {
    return Pixels.at(image, r.getCenterX(), r.getCenterY());
  }
}
