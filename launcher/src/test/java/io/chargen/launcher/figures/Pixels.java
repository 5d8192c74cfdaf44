package io.chargen.launcher.figures;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/** Pixel checks for figure tests. */
final class Pixels {
  /** A pixel whose channels sum to less than this is ink, not white paper (3 · 255 = 765). */
  private static final int INK_BELOW = 700;

  private Pixels() {
  }

  static Color at(BufferedImage image, double x, double y) {
    return new Color(image.getRGB((int) Math.round(x), (int) Math.round(y)));
  }

  static boolean isInk(BufferedImage image, double x, double y) {
    Color c = at(image, x, y);
    return c.getRed() + c.getGreen() + c.getBlue() < INK_BELOW;
  }

  static boolean isPaper(BufferedImage image, double x, double y) {
    return image.getRGB((int) Math.round(x), (int) Math.round(y)) == Color.WHITE.getRGB();
  }

  static int inkCount(BufferedImage image, Rectangle area) {
    int n = 0;
    for (int y = area.y; y < area.y + area.height; y++) {
      for (int x = area.x; x < area.x + area.width; x++) {
        n += isInk(image, x, y) ? 1 : 0;
      }
    }
    return n;
  }
}
