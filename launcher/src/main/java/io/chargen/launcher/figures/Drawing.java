package io.chargen.launcher.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * The figures' shared look: white paper, dark ink, one sans-serif family in three sizes, and helpers for text.
 * Everything is drawn into images, never to a screen, so it works headless.
 */
final class Drawing {
  static final Color PAPER = Color.WHITE;
  static final Color INK = new Color(0x1a, 0x1a, 0x1a);
  static final Color MUTED = new Color(0x55, 0x55, 0x55);
  static final Color FRAME = new Color(0xcc, 0xcc, 0xcc);
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
  static final Font CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  /** Outer margin around every figure, in pixels. */
  static final int MARGIN = 20;
  /** Height reserved for the title line. */
  static final int TITLE_HEIGHT = 36;
  /** Gap between a caption and what it labels. */
  static final int GAP = 8;

  private Drawing() {
  }

  /** @return a white RGB image and an antialiased graphics context on it (the caller disposes it) */
  static Graphics2D paper(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setColor(PAPER);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(INK);
    return g;
  }

  static BufferedImage image(int width, int height) {
    return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
  }

  /** Draws the title centred in the title band at the top of the figure. */
  static void title(Graphics2D g, String title, int width) {
    centred(g, title, TITLE, INK, width / 2.0, MARGIN + TITLE_HEIGHT / 2.0);
  }

  /** Draws text centred horizontally and vertically on (cx, cy). */
  static void centred(Graphics2D g, String text, Font font, Color color, double cx, double cy) {
    g.setFont(font);
    g.setColor(color);
    FontMetrics fm = g.getFontMetrics();
    float x = (float) (cx - fm.stringWidth(text) / 2.0);
    float y = (float) (cy + (fm.getAscent() - fm.getDescent()) / 2.0);
    g.drawString(text, x, y);
  }

  /** Draws text right-aligned at x, vertically centred on cy. */
  static void rightAligned(Graphics2D g, String text, Font font, double x, double cy) {
    g.setFont(font);
    g.setColor(INK);
    FontMetrics fm = g.getFontMetrics();
    g.drawString(text, (float) (x - fm.stringWidth(text)), (float) (cy + (fm.getAscent() - fm.getDescent()) / 2.0));
  }

  /** Draws text rotated a quarter turn anticlockwise, centred on (cx, cy), for vertical axis captions. */
  static void vertical(Graphics2D g, String text, Font font, double cx, double cy) {
    AffineTransform saved = g.getTransform();
    g.translate(cx, cy);
    g.rotate(-Math.PI / 2);
    centred(g, text, font, INK, 0, 0);
    g.setTransform(saved);
  }

  /** @return the pixel width of the text in the font */
  static int width(String text, Font font) {
    BufferedImage scratch = image(1, 1);
    Graphics2D g = scratch.createGraphics();
    try {
      return g.getFontMetrics(font).stringWidth(text);
    } finally {
      g.dispose();
    }
  }

  /** Draws a thin light frame, e.g. around a grid cell. */
  static void frame(Graphics2D g, int x, int y, int w, int h) {
    g.setColor(FRAME);
    g.setStroke(new BasicStroke(1f));
    g.drawRect(x, y, w - 1, h - 1);
  }

  /**
   * @param count number of positions to label
   * @param maxTicks at most this many labels
   * @return a step of 1, 2 or 5 times a power of ten that labels at most maxTicks positions
   */
  static int tickStep(int count, int maxTicks) {
    for (int power = 1; ; power *= 10) {
      for (int base : new int[] {1, 2, 5}) {
        if (count <= (long) base * power * maxTicks) {
          return base * power;
        }
      }
    }
  }
}
