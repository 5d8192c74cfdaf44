package io.chargen.launcher.figures;

import io.chargen.model.StrokeSequence;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A titled grid of letters with row and column captions, the layout of the paper's letter figures (Fabi et al.
 * 2020): Fig. 2 (rows = letters, columns = {@link #RECONSTRUCTION_COLUMNS}), Fig. 3 (a letter and its variants,
 * {@link #variantCaptions(int)}) and Fig. 5 (blends of two letters in ten steps, {@link #blend}). A null cell is
 * left empty.
 */
public final class FigureGrid {
  /** Default cell side in pixels. */
  public static final int DEFAULT_CELL = 120;
  /** The columns of the paper's Fig. 2. */
  public static final List<String> RECONSTRUCTION_COLUMNS =
      List.of("example", "regeneration", "no inference", "untrained");
  /** Blend steps in the paper's Fig. 5. */
  public static final int PAPER_BLEND_STEPS = 10;
  private static final int COLUMN_CAPTION_HEIGHT = 26;
  /** Space between neighbouring cell frames, per side. */
  private static final int CELL_INSET = 3;

  private final String title;
  private final List<String> rowCaptions;
  private final List<String> columnCaptions;
  private final StrokeSequence[][] cells;
  private final LetterRenderer renderer = new LetterRenderer();
  private final int cellWidth;
  private final int cellHeight;
  private final int left;
  private final int top;

  /**
   * @param title figure title
   * @param rowCaptions one caption per row (may be empty strings)
   * @param columnCaptions one caption per column
   * @param cells rows × columns letters; null leaves a cell empty
   * @throws IllegalArgumentException if the captions do not match the cells' rows and columns
   */
  public FigureGrid(String title, List<String> rowCaptions, List<String> columnCaptions, StrokeSequence[][] cells) {
    this(title, rowCaptions, columnCaptions, cells, DEFAULT_CELL);
  }

  /**
   * @param title figure title
   * @param rowCaptions one caption per row
   * @param columnCaptions one caption per column
   * @param cells rows × columns letters; null leaves a cell empty
   * @param cellSize cell side in pixels (widened if a column caption needs more)
   */
  public FigureGrid(String title, List<String> rowCaptions, List<String> columnCaptions, StrokeSequence[][] cells,
      int cellSize) {
    if (cells.length != rowCaptions.size() || cells.length == 0) {
      throw new IllegalArgumentException(
          "grid has " + cells.length + " rows of cells but " + rowCaptions.size() + " row captions");
    }
    for (int r = 0; r < cells.length; r++) {
      if (cells[r].length != columnCaptions.size()) {
        throw new IllegalArgumentException("grid row " + r + " has " + cells[r].length + " cells but there are "
            + columnCaptions.size() + " column captions");
      }
    }
    this.title = title;
    this.rowCaptions = List.copyOf(rowCaptions);
    this.columnCaptions = List.copyOf(columnCaptions);
    this.cells = cells.clone();
    int widest = columnCaptions.stream().mapToInt(c -> Drawing.width(c, Drawing.CAPTION)).max().orElse(0);
    this.cellWidth = Math.max(cellSize, widest + 2 * Drawing.GAP);
    this.cellHeight = cellSize;
    int rowCaption = rowCaptions.stream().mapToInt(c -> Drawing.width(c, Drawing.CAPTION)).max().orElse(0);
    this.left = Drawing.MARGIN + (rowCaption > 0 ? rowCaption + 2 * Drawing.GAP : 0);
    this.top = Drawing.MARGIN + Drawing.TITLE_HEIGHT + COLUMN_CAPTION_HEIGHT;
  }

  /**
   * Fig. 5: each row blends two letters; column i shows blend weight i/(n−1) of the second letter.
   *
   * @param title figure title
   * @param rowCaptions one caption per blend, e.g. "a → b"
   * @param steps rows × n blended letters
   * @return the grid
   */
  public static FigureGrid blend(String title, List<String> rowCaptions, StrokeSequence[][] steps) {
    return new FigureGrid(title, rowCaptions, blendCaptions(steps.length == 0 ? 0 : steps[0].length), steps,
        DEFAULT_CELL * 3 / 4);
  }

  /**
   * @param steps number of blend steps n ≥ 2
   * @return captions "0.00" … "1.00": the weight of the second letter in each step
   */
  public static List<String> blendCaptions(int steps) {
    List<String> captions = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      captions.add(String.format(Locale.ROOT, "%.2f", steps == 1 ? 0.0 : i / (steps - 1.0)));
    }
    return captions;
  }

  /**
   * @param variants number of variants shown after the original
   * @return captions "original", "variant 1", …, for Fig. 3
   */
  public static List<String> variantCaptions(int variants) {
    List<String> captions = new ArrayList<>(List.of("original"));
    for (int i = 1; i <= variants; i++) {
      captions.add("variant " + i);
    }
    return captions;
  }

  /** @return the image width in pixels */
  public int width() {
    return left + columnCaptions.size() * cellWidth + Drawing.MARGIN;
  }

  /** @return the image height in pixels */
  public int height() {
    return top + cells.length * cellHeight + Drawing.MARGIN;
  }

  /**
   * @param row row index
   * @param column column index
   * @return the pixel rectangle of that cell
   */
  public Rectangle cellBounds(int row, int column) {
    return new Rectangle(left + column * cellWidth, top + row * cellHeight, cellWidth, cellHeight);
  }

  /** @return the figure on white */
  public BufferedImage render() {
    BufferedImage image = Drawing.image(width(), height());
    Graphics2D g = Drawing.paper(image);
    try {
      Drawing.title(g, title, width());
      for (int c = 0; c < columnCaptions.size(); c++) {
        Rectangle cell = cellBounds(0, c);
        Drawing.centred(g, columnCaptions.get(c), Drawing.CAPTION, Drawing.INK, cell.getCenterX(),
            top - COLUMN_CAPTION_HEIGHT / 2.0);
      }
      for (int r = 0; r < cells.length; r++) {
        Drawing.rightAligned(g, rowCaptions.get(r), Drawing.CAPTION, left - Drawing.GAP,
            cellBounds(r, 0).getCenterY());
        for (int c = 0; c < columnCaptions.size(); c++) {
          drawCell(g, r, c);
        }
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private void drawCell(Graphics2D g, int row, int column) {
    Rectangle cell = cellBounds(row, column);
    Drawing.frame(g, cell.x + CELL_INSET, cell.y + CELL_INSET, cell.width - 2 * CELL_INSET,
        cell.height - 2 * CELL_INSET);
    if (cells[row][column] != null) {
      renderer.draw(g, cells[row][column], cell);
    }
  }
}
