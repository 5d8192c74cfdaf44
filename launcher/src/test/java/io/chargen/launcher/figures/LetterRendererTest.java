package io.chargen.launcher.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chargen.model.StrokeSequence;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LetterRenderer")
class LetterRendererTest {
  private static final int SIZE = 200;
  private final LetterRenderer renderer = new LetterRenderer();

  @Test
  @DisplayName("inks the pixels a horizontal stroke passes through and leaves the corners white")
  void inksTheStroke() {
    BufferedImage image = renderer.render(SyntheticLetters.horizontal(false), SIZE, SIZE);
    assertThat(image.getWidth()).isEqualTo(SIZE);
    assertThat(Pixels.isInk(image, SIZE / 2.0, SIZE / 2.0)).isTrue();
    assertThat(Pixels.isInk(image, SIZE * 0.3, SIZE / 2.0)).isTrue();
    assertThat(Pixels.isPaper(image, 2, 2)).isTrue();
    assertThat(Pixels.isPaper(image, SIZE / 2.0, SIZE * 0.25)).isTrue();
  }

  @Test
  @DisplayName("lifts the pen where the stroke channel marks a new stroke, leaving the gap white")
  void liftsThePenBetweenStrokes() {
    BufferedImage image = renderer.render(SyntheticLetters.horizontal(true), SIZE, SIZE);
    // the line spans x = 0..10 over the usable width; the gap 4..6 is centred
    assertThat(Pixels.isPaper(image, SIZE / 2.0, SIZE / 2.0)).isTrue();
    Rectangle cell = new Rectangle(0, 0, SIZE, SIZE);
    LetterRenderer.Fit fit = LetterRenderer.fit(SyntheticLetters.horizontal(true), cell);
    assertThat(Pixels.isInk(image, fit.pixelX(fitX(0.2)), SIZE / 2.0)).isTrue();
    assertThat(Pixels.isInk(image, fit.pixelX(fitX(0.8)), SIZE / 2.0)).isTrue();
  }

  /** x of the transformed letter at a fraction of its width (positions start at 0 and span 0..max). */
  private static double fitX(double fraction) {
    float[][] xy = SyntheticLetters.horizontal(true).positions();
    return xy[xy.length - 1][0] * fraction;
  }

  @Test
  @DisplayName("fits the letter inside the margins, centred, keeping its aspect ratio")
  void fitsWithMargins() {
    StrokeSequence square = StrokeSequence.ofSteps(new float[][] {{0, 0, 1, 1}, {1, 0, 1, 0}, {0, 2, 1, 0}});
    Rectangle cell = new Rectangle(10, 20, 100, 100);
    LetterRenderer.Fit fit = LetterRenderer.fit(square, cell);
    double usable = 100 * (1 - 2 * LetterRenderer.MARGIN_FRACTION);
    assertThat(fit.scale()).isCloseTo(usable / 2, within(1e-9));
    assertThat(fit.pixelY(2)).isCloseTo(20 + 100 * LetterRenderer.MARGIN_FRACTION, within(1e-9));
    assertThat(fit.pixelY(0)).isCloseTo(120 - 100 * LetterRenderer.MARGIN_FRACTION, within(1e-9));
    assertThat((fit.pixelX(0) + fit.pixelX(1)) / 2).isCloseTo(60, within(1e-9));
  }

  @Test
  @DisplayName("draws a stroke of growing y upwards, as y grows upwards in the DigiLeTs recordings")
  void yGrowsUpwards() {
    StrokeSequence down = StrokeSequence.ofSteps(new float[][] {{0, 0, 1, 1}, {0.2f, 1, 1, 0}, {0, 1, 1, 0}});
    BufferedImage image = renderer.render(down, SIZE, SIZE);
    LetterRenderer.Fit fit = LetterRenderer.fit(down, new Rectangle(0, 0, SIZE, SIZE));
    assertThat(fit.pixelY(2)).isLessThan(fit.pixelY(0));
    assertThat(Pixels.isInk(image, fit.pixelX(0.2), fit.pixelY(2))).isTrue();
  }

  @Test
  @DisplayName("draws a firmly pressed stroke wider than a light one")
  void pressureWidensTheLine() {
    float[][] light = {{0, 0, 0, 1}, {1, 0, 0, 0}, {1, 0, 0, 0}};
    float[][] firm = {{0, 0, 1, 1}, {1, 0, 1, 0}, {1, 0, 1, 0}};
    Rectangle all = new Rectangle(0, 0, SIZE, SIZE);
    int lightInk = Pixels.inkCount(renderer.render(StrokeSequence.ofSteps(light), SIZE, SIZE), all);
    int firmInk = Pixels.inkCount(renderer.render(StrokeSequence.ofSteps(firm), SIZE, SIZE), all);
    assertThat(lightInk).isPositive();
    assertThat(firmInk).isGreaterThan(lightInk * 2);
  }

  @Test
  @DisplayName("draws a single-point letter as a dot in the middle of the cell")
  void singlePointIsADot() {
    BufferedImage image = renderer.render(StrokeSequence.ofSteps(new float[][] {{0, 0, 1, 1}}), SIZE, SIZE);
    assertThat(Pixels.isInk(image, SIZE / 2.0, SIZE / 2.0)).isTrue();
  }
}
