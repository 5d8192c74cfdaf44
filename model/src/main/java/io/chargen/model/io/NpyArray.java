package io.chargen.model.io;

import java.util.Arrays;

/**
 * One float32 array read from a NumPy {@code .npy} file: its shape and its values in C (row-major) order, as
 * written by {@code numpy.save} / {@code numpy.savez} (NumPy NEP 1, "A simple file format for NumPy arrays").
 *
 * <p>Immutable by convention: {@link #data()} returns the internal array for speed; callers must not modify it.
 */
public final class NpyArray {
  private final int[] shape;
  private final float[] data;

  /**
   * @param shape the dimensions (empty for a scalar); copied
   * @param data the values in C order; not copied
   * @throws IllegalArgumentException if a dimension is negative or the value count is not their product
   */
  public NpyArray(int[] shape, float[] data) {
    long count = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
      }
      count *= d;
    }
    if (count != data.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " needs " + count + " values, got " + data.length);
    }
    this.shape = shape.clone();
    this.data = data;
  }

  /** @return a copy of the dimensions */
  public int[] shape() {
    return shape.clone();
  }

  /** @return the number of dimensions */
  public int rank() {
    return shape.length;
  }

  /**
   * @param axis dimension index
   * @return the size along that axis
   */
  public int dimension(int axis) {
    return shape[axis];
  }

  /** @return the values in C (row-major) order (do not modify) */
  public float[] data() {
    return data;
  }

  /**
   * @param row row index of a 2-D array
   * @param column column index
   * @return the value at (row, column)
   * @throws IllegalStateException if the array is not 2-D
   */
  public float at(int row, int column) {
    if (shape.length != 2) {
      throw new IllegalStateException("at(row, column) needs a 2-D array, this one has shape " + shapeText());
    }
    return data[row * shape[1] + column];
  }

  /** @return the shape as NumPy prints it, e.g. {@code (400, 100)} or {@code (5,)} */
  public String shapeText() {
    return shapeText(shape);
  }

  /**
   * @param shape dimensions
   * @return them as NumPy prints a shape tuple
   */
  public static String shapeText(int... shape) {
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      text.append(i > 0 ? ", " : "").append(shape[i]);
    }
    return text.append(shape.length == 1 ? ",)" : ")").toString();
  }

  @Override
  public String toString() {
    return "NpyArray" + shapeText();
  }
}
