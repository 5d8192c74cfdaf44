package io.chargen.launcher.figures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Inferred input vectors as small bar charts, one per query letter, concepts on the x axis: the paper's Fig. 4
 * (Fabi et al. 2020, Sec. 3.4, classification by inferring the input). All panels share one value axis so their
 * bars compare directly; positive bars are blue, negative red.
 */
public final class BarChart {
  /** Panels per row of the figure. */
  public static final int PANELS_PER_ROW = 3;
  private static final int SLOT_WIDTH = 14;
  private static final int MIN_PLOT_WIDTH = 160;
  private static final int PLOT_HEIGHT = 110;
  private static final int VALUE_LABEL_WIDTH = 44;
  private static final int PANEL_CAPTION_HEIGHT = 24;
  private static final int CONCEPT_LABEL_HEIGHT = 18;
  private static final int PANEL_GAP = 24;
  private static final double BAR_FILL = 0.7;
  /** Empty space beyond the longest bar, as a fraction of the value range, so bars never touch the frame. */
  private static final double HEADROOM = 0.08;
  private static final Color POSITIVE = new Color(0x2b, 0x5c, 0x8a);
  private static final Color NEGATIVE = new Color(0xb8, 0x3a, 0x2e);

  private final String title;
  private final List<String> queryCaptions;
  private final float[][] vectors;
  private final List<String> conceptLabels;
  private final double low;
  private final double high;
  private final double axisLow;
  private final double axisHigh;
  private final int plotWidth;

  /**
   * @param title figure title
   * @param queryCaptions one caption per panel, e.g. the query letter
   * @param vectors queries × K inferred input values
   * @param conceptLabels K concept names for the x axis
   * @throws IllegalArgumentException if the counts disagree
   */
  public BarChart(String title, List<String> queryCaptions, float[][] vectors, List<String> conceptLabels) {
    if (vectors.length == 0 || vectors.length != queryCaptions.size()) {
      throw new IllegalArgumentException("bar chart has " + vectors.length + " vectors but "
          + queryCaptions.size() + " query captions");
    }
    double lo = 0;
    double hi = 0;
    for (int q = 0; q < vectors.length; q++) {
      if (vectors[q].length != conceptLabels.size()) {
        throw new IllegalArgumentException("vector " + q + " has " + vectors[q].length + " values but there are "
            + conceptLabels.size() + " concept labels");
      }
      for (float v : vectors[q]) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    this.title = title;
    this.queryCaptions = List.copyOf(queryCaptions);
    this.vectors = vectors.clone();
    this.conceptLabels = List.copyOf(conceptLabels);
    this.low = lo;
    this.high = hi > lo ? hi : lo + 1;
    double pad = HEADROOM * (high - low);
    this.axisLow = low < 0 ? low - pad : 0;
    this.axisHigh = high > 0 ? high + pad : 0;
    this.plotWidth = Math.max(MIN_PLOT_WIDTH, SLOT_WIDTH * conceptLabels.size());
  }

  private int panelWidth() {
    return VALUE_LABEL_WIDTH + plotWidth + PANEL_GAP;
  }

  private int panelHeight() {
    return PANEL_CAPTION_HEIGHT + PLOT_HEIGHT + CONCEPT_LABEL_HEIGHT + PANEL_GAP;
  }

  /** @return the image width in pixels */
  public int width() {
    return 2 * Drawing.MARGIN + Math.min(PANELS_PER_ROW, vectors.length) * panelWidth() - PANEL_GAP;
  }

  /** @return the image height in pixels */
  public int height() {
    int rows = (vectors.length + PANELS_PER_ROW - 1) / PANELS_PER_ROW;
    return 2 * Drawing.MARGIN + Drawing.TITLE_HEIGHT + rows * panelHeight() - PANEL_GAP;
  }

  /**
   * @param query panel index
   * @return the pixel rectangle of that panel's plot area
   */
  public Rectangle plotBounds(int query) {
    int x = Drawing.MARGIN + (query % PANELS_PER_ROW) * panelWidth() + VALUE_LABEL_WIDTH;
    int y = Drawing.MARGIN + Drawing.TITLE_HEIGHT + (query / PANELS_PER_ROW) * panelHeight() + PANEL_CAPTION_HEIGHT;
    return new Rectangle(x, y, plotWidth, PLOT_HEIGHT);
  }

  /**
   * @param query panel index
   * @param concept concept index
   * @return the pixel rectangle filled by that bar (zero height for a zero value)
   */
  public Rectangle barBounds(int query, int concept) {
    Rectangle plot = plotBounds(query);
    double slot = (double) plot.width / conceptLabels.size();
    int barWidth = Math.max(1, (int) Math.round(slot * BAR_FILL));
    int x = (int) Math.round(plot.x + slot * concept + (slot - barWidth) / 2);
    int zero = valueY(plot, 0);
    int top = valueY(plot, vectors[query][concept]);
    return new Rectangle(x, Math.min(zero, top), barWidth, Math.abs(zero - top));
  }

  private int valueY(Rectangle plot, double value) {
    return (int) Math.round(plot.y + (axisHigh - value) / (axisHigh - axisLow) * plot.height);
  }

  /** @return the figure on white */
  public BufferedImage render() {
    BufferedImage image = Drawing.image(width(), height());
    Graphics2D g = Drawing.paper(image);
    try {
      Drawing.title(g, title, width());
      for (int q = 0; q < vectors.length; q++) {
        drawPanel(g, q);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private void drawPanel(Graphics2D g, int q) {
    Rectangle plot = plotBounds(q);
    Drawing.frame(g, plot.x, plot.y, plot.width, plot.height + 1);
    Drawing.centred(g, queryCaptions.get(q), Drawing.CAPTION, Drawing.INK, plot.getCenterX(),
        plot.y - PANEL_CAPTION_HEIGHT / 2.0);
    for (double value : low < 0 ? new double[] {high, 0, low} : new double[] {high, 0}) {
      String label = value == 0 ? "0" : String.format(Locale.ROOT, "%.2f", value);
      Drawing.rightAligned(g, label, Drawing.TICK, plot.x - Drawing.GAP / 2.0, valueY(plot, value));
    }
    for (int k = 0; k < conceptLabels.size(); k++) {
      Rectangle bar = barBounds(q, k);
      g.setColor(vectors[q][k] >= 0 ? POSITIVE : NEGATIVE);
      g.fill(bar);
      Drawing.centred(g, conceptLabels.get(k), Drawing.TICK, Drawing.MUTED, bar.getCenterX(),
          plot.y + plot.height + CONCEPT_LABEL_HEIGHT / 2.0 + 2);
    }
    g.setColor(Drawing.MUTED);
    int zero = valueY(plot, 0);
    g.drawLine(plot.x, zero, plot.x + plot.width - 1, zero);
  }
}
