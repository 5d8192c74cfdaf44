package io.chargen.launcher.figures;

import io.chargen.model.StrokeSequence;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Renders one example of each figure type from synthetic data, for looking at: {@code FigureDemo [dir]} (default
 * {@code /tmp/figs-demo}). Not a test; run with the test classpath.
 */
public final class FigureDemo {
  private FigureDemo() {
  }

  public static void main(String[] args) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/figs-demo");
    StrokeSequence[][] fig2 = {
        {SyntheticLetters.a(0), SyntheticLetters.a(0.1), SyntheticLetters.a(0.4), SyntheticLetters.horizontal(true)},
        {SyntheticLetters.b(0), SyntheticLetters.b(0.1), SyntheticLetters.b(0.5), SyntheticLetters.blend(0.5)},
        {SyntheticLetters.t(0), SyntheticLetters.t(0.2), SyntheticLetters.t(0.6), null}};
    Png.write(new FigureGrid("Fig. 2: one-shot learning of new letters", List.of("a", "b", "t"),
        FigureGrid.RECONSTRUCTION_COLUMNS, fig2).render(), dir.resolve("fig2-reconstruction.png"));

    StrokeSequence[][] fig3 = new StrokeSequence[2][5];
    for (int i = 0; i < 5; i++) {
      fig3[0][i] = SyntheticLetters.a(0.12 * i);
      fig3[1][i] = SyntheticLetters.t(0.15 * i);
    }
    Png.write(new FigureGrid("Fig. 3: variants", List.of("a", "t"), FigureGrid.variantCaptions(4), fig3).render(),
        dir.resolve("fig3-variants.png"));

    StrokeSequence[][] fig5 = new StrokeSequence[1][FigureGrid.PAPER_BLEND_STEPS];
    for (int i = 0; i < fig5[0].length; i++) {
      fig5[0][i] = SyntheticLetters.blend(i / (fig5[0].length - 1.0));
    }
    Png.write(FigureGrid.blend("Fig. 5: blending o into l", List.of("o → l"), fig5).render(),
        dir.resolve("fig5-blend.png"));

    Png.write(new Heatmap("Fig. 6: cell state c while writing \"a\"", hiddenStates(60, 100), "time step",
        "hidden unit").render(), dir.resolve("fig6-heatmap.png"));

    List<String> concepts = new ArrayList<>();
    for (char c = 'a'; c <= 'm'; c++) {
      concepts.add(String.valueOf(c));
    }
    Random random = new Random(4);
    List<String> queries = List.of("query n", "query o", "query p", "query q");
    float[][] vectors = new float[queries.size()][concepts.size()];
    for (float[] v : vectors) {
      for (int k = 0; k < v.length; k++) {
        v[k] = (float) (random.nextGaussian() * 0.3 + (random.nextInt(6) == 0 ? 0.8 : 0));
      }
    }
    Png.write(new BarChart("Fig. 4: inferred input vectors", queries, vectors, concepts).render(),
        dir.resolve("fig4-bars.png"));
    Png.write(new LetterRenderer().render(SyntheticLetters.a(0), 160, 160), dir.resolve("letter-a.png"));
  }

  /** Smooth synthetic activations: each unit a sine of its own frequency and phase, saturating like tanh. */
  private static float[][] hiddenStates(int steps, int units) {
    Random random = new Random(1);
    float[][] v = new float[steps][units];
    for (int u = 0; u < units; u++) {
      double f = 0.05 + random.nextDouble() * 0.2;
      double phase = random.nextDouble() * 2 * Math.PI;
      double amp = 0.2 + random.nextDouble() * 1.5;
      for (int t = 0; t < steps; t++) {
        v[t][u] = (float) Math.tanh(amp * Math.sin(f * t + phase));
      }
    }
    return v;
  }
}
