package io.chargen.launcher.figures;

import io.chargen.model.StrokeSequence;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;

/**
 * Draws one letter as pen strokes, as the paper's figures show generated letters (Fabi et al. 2020, Figs. 2, 3, 5).
 * Positions are the running sums of dx and dy; a new stroke starts where the stroke channel exceeds
 * {@link #STROKE_ONSET_THRESHOLD} (the pen is lifted before that point); line width follows pressure; the letter is
 * scaled uniformly to fit its cell with a margin and centred. y grows <em>upwards</em> in the DigiLeTs
 * recordings (contrary to the data README: drawn downwards, every 'u' is an arch, every 'v' a caret and every 'd' a
 * 'q'), so it is flipped onto the image's downward axis.
 */
public final class LetterRenderer {
  /** Stroke channel above this starts a new stroke (the data's flag is 1 on a stroke's first point, else 0). */
  public static final float STROKE_ONSET_THRESHOLD = 0.5f;
  /** Fraction of the cell's width and height left empty on each side. */
  public static final double MARGIN_FRACTION = 0.12;
  /** Line width at full pressure, as a fraction of the cell's smaller side. */
  private static final double MAX_WIDTH_FRACTION = 0.035;
  /** Line width at zero pressure, as a fraction of the width at full pressure. */
  private static final double MIN_WIDTH_RATIO = 0.35;
  private static final Color DEFAULT_INK = new Color(0x10, 0x10, 0x30);

  private final Color ink;

  /** A renderer with dark blue-black ink. */
  public LetterRenderer() {
    this(DEFAULT_INK);
  }

  /** @param ink the stroke colour */
  public LetterRenderer(Color ink) {
    this.ink = ink;
  }

  /**
   * Where letter coordinates land in a cell: pixel = origin + scale · position.
   *
   * @param scale pixels per letter unit (same on both axes, so the aspect ratio is kept)
   * @param originX pixel x of letter position x = 0
   * @param originY pixel y of letter position y = 0 (pixel y = originY − scale · y)
   */
  public record Fit(double scale, double originX, double originY) {
    /** @return the pixel x of letter coordinate x */
    public double pixelX(double x) {
      return originX + scale * x;
    }

    /** @return the pixel y of letter coordinate y (y grows upwards in the data, downwards in the image) */
    public double pixelY(double y) {
      return originY - scale * y;
    }
  }

  /**
   * @param letter the letter
   * @param cell the cell it must fit in
   * @return the uniform scaling that fits its bounding box inside the cell's margins, centred
   */
  public static Fit fit(StrokeSequence letter, Rectangle cell) {
    float[][] xy = letter.positions();
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (float[] p : xy) {
      minX = Math.min(minX, p[0]);
      maxX = Math.max(maxX, p[0]);
      minY = Math.min(minY, p[1]);
      maxY = Math.max(maxY, p[1]);
    }
    double usableW = cell.width * (1 - 2 * MARGIN_FRACTION);
    double usableH = cell.height * (1 - 2 * MARGIN_FRACTION);
    double scale = Math.min(scaleFor(usableW, maxX - minX), scaleFor(usableH, maxY - minY));
    if (Double.isInfinite(scale)) {
      scale = 1;
    }
    double originX = cell.getCenterX() - scale * (minX + maxX) / 2;
    double originY = cell.getCenterY() + scale * (minY + maxY) / 2;
    return new Fit(scale, originX, originY);
  }

  private static double scaleFor(double pixels, double span) {
    return span > 0 ? pixels / span : Double.POSITIVE_INFINITY;
  }

  /**
   * Draws the letter into a cell of an existing figure.
   *
   * @param g where to draw
   * @param letter the letter
   * @param cell the cell; the letter is scaled to fit it
   */
  public void draw(Graphics2D g, StrokeSequence letter, Rectangle cell) {
    Fit fit = fit(letter, cell);
    float[][] xy = letter.positions();
    double fullWidth = Math.max(1, Math.min(cell.width, cell.height) * MAX_WIDTH_FRACTION);
    g.setColor(ink);
    for (int t = 0; t < xy.length; t++) {
      boolean onset = t == 0 || letter.get(t, StrokeSequence.STROKE) > STROKE_ONSET_THRESHOLD;
      double x = fit.pixelX(xy[t][0]);
      double y = fit.pixelY(xy[t][1]);
      if (onset) {
        boolean single = t + 1 >= xy.length || letter.get(t + 1, StrokeSequence.STROKE) > STROKE_ONSET_THRESHOLD;
        if (single) {
          double r = width(fullWidth, letter.get(t, StrokeSequence.PRESSURE)) / 2;
          g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        }
        continue;
      }
      float pressure = (letter.get(t - 1, StrokeSequence.PRESSURE) + letter.get(t, StrokeSequence.PRESSURE)) / 2;
      g.setStroke(new BasicStroke((float) width(fullWidth, pressure), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(new Line2D.Double(fit.pixelX(xy[t - 1][0]), fit.pixelY(xy[t - 1][1]), x, y));
    }
  }

  private static double width(double fullWidth, float pressure) {
    double p = Math.max(0, Math.min(1, pressure));
    return fullWidth * (MIN_WIDTH_RATIO + (1 - MIN_WIDTH_RATIO) * p);
  }

  /**
   * Renders the letter alone on white.
   *
   * @param letter the letter
   * @param width image width in pixels
   * @param height image height in pixels
   * @return the image
   */
  public BufferedImage render(StrokeSequence letter, int width, int height) {
    BufferedImage image = Drawing.image(width, height);
    Graphics2D g = Drawing.paper(image);
    try {
      draw(g, letter, new Rectangle(0, 0, width, height));
    } finally {
      g.dispose();
    }
    return image;
  }
}
