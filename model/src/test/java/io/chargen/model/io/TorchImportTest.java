package io.chargen.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargen.model.LstmWeights;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** K = 3 concepts, H = 2 hidden units, hand-chosen values. */
@DisplayName("TorchImport")
class TorchImportTest {
  private static final int K = 3;
  private static final int H = 2;
  /** lin1 is H×K: row j, column k. Column k = concept k's code. */
  private static final float[] LIN1 = {1, 2, 3, 4, 5, 6};

  @TempDir
  Path dir;

  private static float[] sequence(int n, float scale, float offset) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = offset + scale * (i + 1);
    }
    return a;
  }

  private static Map<String, byte[]> validArrays() {
    Map<String, byte[]> arrays = new LinkedHashMap<>();
    arrays.put("lin1", NpyWriter.float32(new int[] {H, K}, LIN1));
    arrays.put("w_ih", NpyWriter.float32(new int[] {4 * H, H}, sequence(8 * H, 0.5f, 0)));
    arrays.put("w_hh", NpyWriter.float32(new int[] {4 * H, H}, sequence(8 * H, -1, 0)));
    arrays.put("lin2", NpyWriter.float32(new int[] {4, H}, sequence(4 * H, 1, 10)));
    return arrays;
  }

  @Test
  @DisplayName("turns lin1's columns into concept codes and keeps the LSTM matrices in gate order i, f, g, o")
  void importsWeights() throws IOException {
    LstmWeights w = TorchImport.read(NpyWriter.npz(dir.resolve("w.npz"), validArrays()));

    assertThat(w.concepts()).isEqualTo(K);
    assertThat(w.hidden()).isEqualTo(H);
    // codes[k][j] = lin1[j][k]: lin1 = [[1, 2, 3], [4, 5, 6]]
    assertThat(w.code(0)).containsExactly(1f, 4f);
    assertThat(w.code(1)).containsExactly(2f, 5f);
    assertThat(w.code(2)).containsExactly(3f, 6f);
    assertThat(w.code(2)[1]).isEqualTo(6f);
    // w_ih[r][c] = 0.5 * (r*H + c + 1); row 2 is gate f's first unit
    assertThat(w.wIh()[2 * H + 1]).isEqualTo(0.5f * 6);
    assertThat(w.wHh()[0]).isEqualTo(-1f);
    assertThat(w.wHh()[15]).isEqualTo(-16f);
    assertThat(w.wOut()).containsExactly(11, 12, 13, 14, 15, 16, 17, 18);
  }

  @ParameterizedTest
  @ValueSource(strings = {"numpy-savez-k3-h2.npz", "numpy-savez-compressed-k3-h2.npz"})
  @DisplayName("loads the same weights from files written by numpy.savez and numpy.savez_compressed")
  void loadsRealNumpyFiles(String resource) throws IOException, URISyntaxException {
    Path npz = Path.of(getClass().getResource(resource).toURI());
    LstmWeights expected = TorchImport.read(NpyWriter.npz(dir.resolve("w.npz"), validArrays()));
    assertThat(TorchImport.read(npz)).isEqualTo(expected);
  }

  @Test
  @DisplayName("rejects a missing w_hh and lists what it found")
  void rejectsMissingArray() throws IOException {
    Map<String, byte[]> arrays = validArrays();
    arrays.remove("w_hh");
    Path npz = NpyWriter.npz(dir.resolve("missing.npz"), arrays);
    assertThatThrownBy(() -> TorchImport.read(npz)).isInstanceOf(NpzFormatException.class)
        .hasMessageContaining("missing.npz").hasMessageContaining("no array 'w_hh'").hasMessageContaining("lin2");
  }

  @Test
  @DisplayName("rejects a float64 w_ih naming the array and dtype '<f8'")
  void rejectsFloat64() throws IOException {
    Map<String, byte[]> arrays = validArrays();
    arrays.put("w_ih", NpyWriter.float64(new int[] {4 * H, H}, new double[8 * H]));
    Path npz = NpyWriter.npz(dir.resolve("f64.npz"), arrays);
    assertThatThrownBy(() -> TorchImport.read(npz)).isInstanceOf(NpzFormatException.class)
        .hasMessageContaining("f64.npz").hasMessageContaining("'w_ih'").hasMessageContaining("'<f8'");
  }

  @Test
  @DisplayName("rejects a w_hh of the wrong shape, giving expected and actual shapes")
  void rejectsWrongShape() throws IOException {
    Map<String, byte[]> arrays = validArrays();
    arrays.put("w_hh", NpyWriter.float32(new int[] {4 * H, 3}, new float[4 * H * 3]));
    Path npz = NpyWriter.npz(dir.resolve("shape.npz"), arrays);
    assertThatThrownBy(() -> TorchImport.read(npz)).isInstanceOf(NpzFormatException.class)
        .hasMessageContaining("'w_hh'").hasMessageContaining("(8, 3)").hasMessageContaining("expected (8, 2)");
  }

  @Test
  @DisplayName("rejects a lin2 whose hidden size disagrees with lin1's")
  void rejectsHiddenSizeMismatch() throws IOException {
    Map<String, byte[]> arrays = validArrays();
    arrays.put("lin2", NpyWriter.float32(new int[] {4, 5}, new float[20]));
    Path npz = NpyWriter.npz(dir.resolve("hidden.npz"), arrays);
    assertThatThrownBy(() -> TorchImport.read(npz)).isInstanceOf(NpzFormatException.class)
        .hasMessageContaining("'lin2'").hasMessageContaining("(4, 5)").hasMessageContaining("hidden size 2");
  }

  @Test
  @DisplayName("rejects a lin1 that is not 2-D")
  void rejectsVectorLin1() throws IOException {
    Map<String, byte[]> arrays = validArrays();
    arrays.put("lin1", NpyWriter.float32(new int[] {6}, LIN1));
    Path npz = NpyWriter.npz(dir.resolve("rank.npz"), arrays);
    assertThatThrownBy(() -> TorchImport.read(npz)).isInstanceOf(NpzFormatException.class)
        .hasMessageContaining("'lin1'").hasMessageContaining("(6,)");
  }

  @Test
  @DisplayName("rejects a non-finite weight, naming the file and the weight")
  void rejectsNonFinite() throws IOException {
    Map<String, byte[]> arrays = validArrays();
    float[] lin2 = sequence(4 * H, 1, 10);
    lin2[3] = Float.NaN;
    arrays.put("lin2", NpyWriter.float32(new int[] {4, H}, lin2));
    Path npz = NpyWriter.npz(dir.resolve("nan.npz"), arrays);
    assertThatThrownBy(() -> TorchImport.read(npz)).isInstanceOf(NpzFormatException.class)
        .hasMessageContaining("nan.npz").hasMessageContaining("wOut[3]");
  }

  @Test
  @DisplayName("rejects a file that is not a zip")
  void rejectsNotZip() throws IOException {
    Path file = Files.write(dir.resolve("plain.npz"), new byte[] {1, 2, 3});
    assertThatThrownBy(() -> TorchImport.read(file)).isInstanceOf(NpzFormatException.class)
        .hasMessageContaining("plain.npz").hasMessageContaining("not a zip");
  }
}
