package io.chargen.launcher.figures;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes figures as PNG files with the JDK's ImageIO, creating parent directories as needed. */
public final class Png {
  private static final String FORMAT = "png";

  private Png() {
  }

  /**
   * @param image the figure
   * @param file where to write it
   * @return the file
   * @throws IOException if it cannot be written
   */
  public static Path write(BufferedImage image, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (!ImageIO.write(image, FORMAT, file.toFile())) {
      throw new IOException("no ImageIO writer for " + FORMAT + " images of type " + image.getType()
          + " (writing " + file + ")");
    }
    return file;
  }
}
