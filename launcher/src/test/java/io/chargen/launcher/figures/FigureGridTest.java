package io.chargen.launcher.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargen.model.StrokeSequence;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("FigureGrid")
class FigureGridTest {
  @TempDir
  Path dir;

  @Test
  @DisplayName("writes a Fig. 2 grid as a PNG of its stated size with ink where each letter's stroke passes")
  void rendersReconstructionGrid() throws IOException {
    StrokeSequence line = SyntheticLetters.horizontal(false);
    StrokeSequence[][] cells = {{line, line, null, line}, {line, null, line, line}};
    FigureGrid grid = new FigureGrid("Fig. 2", List.of("a", "b"), FigureGrid.RECONSTRUCTION_COLUMNS, cells);

    Path png = Png.write(grid.render(), dir.resolve("sub/fig2.png"));
    BufferedImage read = ImageIO.read(png.toFile());

    assertThat(read.getWidth()).isEqualTo(grid.width());
    assertThat(read.getHeight()).isEqualTo(grid.height());
    Rectangle inked = grid.cellBounds(1, 3);
    Rectangle empty = grid.cellBounds(0, 2);
    assertThat(Pixels.isInk(read, inked.getCenterX(), inked.getCenterY())).isTrue();
    assertThat(Pixels.isPaper(read, empty.getCenterX(), empty.getCenterY())).isTrue();
    assertThat(Pixels.isPaper(read, inked.getCenterX(), inked.y + inked.height * 0.25)).isTrue();
  }

  @Test
  @DisplayName("captions every column of a blend with the second letter's weight, 0.00 to 1.00")
  void blendCaptions() {
    assertThat(FigureGrid.blendCaptions(FigureGrid.PAPER_BLEND_STEPS)).hasSize(10)
        .startsWith("0.00", "0.11").endsWith("1.00");
    StrokeSequence[][] steps = {new StrokeSequence[10]};
    for (int i = 0; i < 10; i++) {
      steps[0][i] = SyntheticLetters.blend(i / 9.0);
    }
    FigureGrid blend = FigureGrid.blend("Fig. 5", List.of("o → l"), steps);
    BufferedImage image = blend.render();
    Rectangle first = blend.cellBounds(0, 0);
    // an "o" is a ring: its centre is paper, its rightmost point is ink
    assertThat(Pixels.isPaper(image, first.getCenterX(), first.getCenterY())).isTrue();
    assertThat(Pixels.inkCount(image, first)).isGreaterThan(50);
  }

  @Test
  @DisplayName("captions variants as original, variant 1, variant 2")
  void variantCaptions() {
    assertThat(FigureGrid.variantCaptions(2)).containsExactly("original", "variant 1", "variant 2");
  }

  @Test
  @DisplayName("rejects a row whose cell count differs from the column captions, naming both counts")
  void rejectsRaggedGrid() {
    StrokeSequence line = SyntheticLetters.horizontal(false);
    StrokeSequence[][] cells = {{line, line}, {line}};
    assertThatThrownBy(() -> new FigureGrid("t", List.of("a", "b"), List.of("x", "y"), cells))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1 has 1 cells")
        .hasMessageContaining("2 column captions");
  }

  @Test
  @DisplayName("rejects row captions that do not match the rows")
  void rejectsRowCaptionMismatch() {
    StrokeSequence[][] cells = {{null}};
    assertThatThrownBy(() -> new FigureGrid("t", List.of("a", "b"), List.of("x"), cells))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 rows").hasMessageContaining("2 row");
  }
}
