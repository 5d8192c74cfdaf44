package io.chargen.launcher.figures;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * A T×H matrix as a colour heatmap with a diverging colour scale, axis captions and a colour bar: the paper's
 * Figs. 6 and 7 (Fabi et al. 2020, Sec. 3.5), the LSTM's cell state c and hidden state h over time while a letter
 * is generated. Time runs left to right, hidden units top to bottom; the scale is symmetric around zero.
 */
public final class Heatmap {
  /** Plot width aimed for; cells are whole pixels, at least {@link #MIN_CELL}. */
  private static final int TARGET_PLOT_WIDTH = 720;
  private static final int TARGET_PLOT_HEIGHT = 400;
  private static final int MIN_CELL = 2;
  private static final int MAX_TICKS = 10;
  private static final int AXIS_CAPTION_BAND = 24;
  private static final int TICK_LABEL_WIDTH = 34;
  private static final int TICK_LABEL_HEIGHT = 18;
  private static final int BAR_WIDTH = 16;
  private static final int BAR_LABEL_WIDTH = 56;
  private static final int TICK_LENGTH = 4;

  private final String title;
  private final float[][] values;
  private final String timeCaption;
  private final String unitCaption;
  private final DivergingScale scale;
  private final int cellWidth;
  private final int cellHeight;
  private final Rectangle plot;

  /**
   * @param title figure title, e.g. "hidden state h, letter a"
   * @param values T rows (time steps) × H columns (hidden units)
   * @param timeCaption caption of the horizontal axis
   * @param unitCaption caption of the vertical axis
   * @throws IllegalArgumentException if the matrix is empty or ragged
   */
  public Heatmap(String title, float[][] values, String timeCaption, String unitCaption) {
    if (values.length == 0 || values[0].length == 0) {
      throw new IllegalArgumentException("heatmap needs at least one time step and one unit, got "
          + values.length + " steps");
    }
    for (int t = 0; t < values.length; t++) {
      if (values[t].length != values[0].length) {
        throw new IllegalArgumentException("heatmap row " + t + " has " + values[t].length + " units, row 0 has "
            + values[0].length);
      }
    }
    this.title = title;
    this.values = values.clone();
    this.timeCaption = timeCaption;
    this.unitCaption = unitCaption;
    this.scale = DivergingScale.symmetricAround0(values);
    this.cellWidth = Math.max(MIN_CELL, TARGET_PLOT_WIDTH / values.length);
    this.cellHeight = Math.max(MIN_CELL, TARGET_PLOT_HEIGHT / values[0].length);
    int x = Drawing.MARGIN + AXIS_CAPTION_BAND + TICK_LABEL_WIDTH;
    int y = Drawing.MARGIN + Drawing.TITLE_HEIGHT + Drawing.GAP;
    this.plot = new Rectangle(x, y, cellWidth * values.length, cellHeight * values[0].length);
  }

  /** @return the colour scale (its limit is the largest magnitude in the matrix) */
  public DivergingScale scale() {
    return scale;
  }

  /** @return the image width in pixels */
  public int width() {
    return plot.x + plot.width + 2 * Drawing.GAP + BAR_WIDTH + BAR_LABEL_WIDTH + Drawing.MARGIN;
  }

  /** @return the image height in pixels */
  public int height() {
    return plot.y + plot.height + TICK_LABEL_HEIGHT + AXIS_CAPTION_BAND + Drawing.MARGIN;
  }

  /**
   * @param step time step t
   * @param unit hidden unit
   * @return the pixel rectangle of that matrix entry
   */
  public Rectangle cellBounds(int step, int unit) {
    return new Rectangle(plot.x + step * cellWidth, plot.y + unit * cellHeight, cellWidth, cellHeight);
  }

  /** @return the figure on white */
  public BufferedImage render() {
    BufferedImage image = Drawing.image(width(), height());
    Graphics2D g = Drawing.paper(image);
    try {
      Drawing.title(g, title, width());
      for (int t = 0; t < values.length; t++) {
        for (int u = 0; u < values[t].length; u++) {
          g.setColor(scale.colour(values[t][u]));
          g.fill(cellBounds(t, u));
        }
      }
      Drawing.frame(g, plot.x - 1, plot.y - 1, plot.width + 2, plot.height + 2);
      drawAxes(g);
      drawColourBar(g);
    } finally {
      g.dispose();
    }
    return image;
  }

  private void drawAxes(Graphics2D g) {
    int steps = values.length;
    int units = values[0].length;
    int bottom = plot.y + plot.height;
    for (int t = 0; t < steps; t += Drawing.tickStep(steps, MAX_TICKS)) {
      int x = (int) cellBounds(t, 0).getCenterX();
      g.setColor(Drawing.MUTED);
      g.drawLine(x, bottom, x, bottom + TICK_LENGTH);
      Drawing.centred(g, Integer.toString(t), Drawing.TICK, Drawing.MUTED, x, bottom + TICK_LABEL_HEIGHT / 2.0 + 3);
    }
    for (int u = 0; u < units; u += Drawing.tickStep(units, MAX_TICKS)) {
      int y = (int) cellBounds(0, u).getCenterY();
      g.setColor(Drawing.MUTED);
      g.drawLine(plot.x - TICK_LENGTH, y, plot.x, y);
      Drawing.rightAligned(g, Integer.toString(u), Drawing.TICK, plot.x - TICK_LENGTH - 2, y);
    }
    Drawing.centred(g, timeCaption, Drawing.CAPTION, Drawing.INK, plot.getCenterX(),
        bottom + TICK_LABEL_HEIGHT + AXIS_CAPTION_BAND / 2.0);
    Drawing.vertical(g, unitCaption, Drawing.CAPTION, Drawing.MARGIN + AXIS_CAPTION_BAND / 2.0, plot.getCenterY());
  }

  private void drawColourBar(Graphics2D g) {
    int x = plot.x + plot.width + 2 * Drawing.GAP;
    for (int y = 0; y < plot.height; y++) {
      double value = scale.limit() * (1 - 2.0 * y / (plot.height - 1));
      g.setColor(scale.colour(value));
      g.fillRect(x, plot.y + y, BAR_WIDTH, 1);
    }
    Drawing.frame(g, x - 1, plot.y - 1, BAR_WIDTH + 2, plot.height + 2);
    double[] ticks = {scale.limit(), 0, -scale.limit()};
    for (int i = 0; i < ticks.length; i++) {
      double y = plot.y + i * (plot.height - 1) / 2.0;
      g.setColor(Drawing.MUTED);
      g.drawLine(x + BAR_WIDTH, (int) y, x + BAR_WIDTH + TICK_LENGTH, (int) y);
      String label = ticks[i] == 0 ? "0" : String.format(Locale.ROOT, "%+.3g", ticks[i]);
      Drawing.rightAligned(g, label, Drawing.TICK, x + BAR_WIDTH + TICK_LENGTH + 2
          + Drawing.width(label, Drawing.TICK), y);
    }
  }
}
