package io.chargen.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("NpzReader")
class NpzReaderTest {
  @TempDir
  Path dir;

  @Test
  @DisplayName("reads 2-D, 1-D and scalar float32 arrays with their shapes and C-order values")
  void readsArrays() throws IOException {
    Map<String, byte[]> arrays = new LinkedHashMap<>();
    arrays.put("m", NpyWriter.float32(new int[] {2, 3}, 1, 2, 3, 4, 5, 6));
    arrays.put("v", NpyWriter.float32(new int[] {2}, -0.5f, 7.25f));
    arrays.put("s", NpyWriter.float32(new int[] {}, 3.5f));
    Map<String, NpyArray> read = NpzReader.read(NpyWriter.npz(dir.resolve("a.npz"), arrays));

    assertThat(read.keySet()).containsExactly("m", "v", "s");
    assertThat(read.get("m").shape()).containsExactly(2, 3);
    assertThat(read.get("m").at(1, 0)).isEqualTo(4f);
    assertThat(read.get("m").at(0, 2)).isEqualTo(3f);
    assertThat(read.get("v").shapeText()).isEqualTo("(2,)");
    assertThat(read.get("v").data()).containsExactly(-0.5f, 7.25f);
    assertThat(read.get("s").rank()).isZero();
    assertThat(read.get("s").data()).containsExactly(3.5f);
  }

  @Test
  @DisplayName("reads a version 2.0 header with its 4-byte length")
  void readsVersion2() throws IOException {
    byte[] data = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(9f).array();
    byte[] npy = NpyWriter.npy(2, "<f4", false, new int[] {1}, data);
    NpyArray array = NpzReader.readNpy(new ByteArrayInputStream(npy), "x");
    assertThat(array.data()).containsExactly(9f);
  }

  @Test
  @DisplayName("rejects float64 and names the file, the array and the dtype '<f8'")
  void rejectsFloat64() throws IOException {
    Path npz = NpyWriter.npz(dir.resolve("d.npz"), Map.of("w", NpyWriter.float64(new int[] {2}, 1, 2)));
    assertThatThrownBy(() -> NpzReader.read(npz)).isInstanceOf(NpzFormatException.class)
        .hasMessageContaining("d.npz").hasMessageContaining("'w'").hasMessageContaining("'<f8'");
  }

  @Test
  @DisplayName("rejects Fortran order and says so")
  void rejectsFortranOrder() {
    byte[] npy = NpyWriter.npy(1, "<f4", true, new int[] {1, 1}, new byte[4]);
    assertThatThrownBy(() -> NpzReader.readNpy(new ByteArrayInputStream(npy), "f.npz, array 'w'"))
        .isInstanceOf(NpzFormatException.class).hasMessageContaining("fortran_order: True")
        .hasMessageContaining("'w'");
  }

  @Test
  @DisplayName("rejects an unsupported .npy version and names it and the supported ones")
  void rejectsVersion3() {
    byte[] npy = NpyWriter.npy(3, "<f4", false, new int[] {1}, new byte[4]);
    assertThatThrownBy(() -> NpzReader.readNpy(new ByteArrayInputStream(npy), "x"))
        .isInstanceOf(NpzFormatException.class).hasMessageContaining("3.0").hasMessageContaining("1.0 and 2.0");
  }

  @Test
  @DisplayName("rejects data shorter than the shape needs, naming both byte counts")
  void rejectsTruncated() {
    byte[] npy = NpyWriter.npy(1, "<f4", false, new int[] {3}, new byte[8]);
    assertThatThrownBy(() -> NpzReader.readNpy(new ByteArrayInputStream(npy), "x"))
        .isInstanceOf(NpzFormatException.class).hasMessageContaining("12").hasMessageContaining("found 8");
  }

  @Test
  @DisplayName("rejects bytes without the NUMPY magic string")
  void rejectsBadMagic() {
    assertThatThrownBy(() -> NpzReader.readNpy(new ByteArrayInputStream(new byte[16]), "junk.npy"))
        .isInstanceOf(NpzFormatException.class).hasMessageContaining("junk.npy").hasMessageContaining("magic");
  }

  @Test
  @DisplayName("rejects a file that is not a zip and names the file")
  void rejectsNotZip() throws IOException {
    Path file = Files.writeString(dir.resolve("weights.npz"), "this is not a zip archive at all");
    assertThatThrownBy(() -> NpzReader.read(file)).isInstanceOf(NpzFormatException.class)
        .hasMessageContaining("weights.npz").hasMessageContaining("not a zip");
  }

  @Test
  @DisplayName("rejects a zip entry that is not a .npy file and names it")
  void rejectsOtherEntries() throws IOException {
    Path npz = dir.resolve("o.npz");
    try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(npz))) {
      zip.putNextEntry(new java.util.zip.ZipEntry("notes.txt"));
      zip.write(1);
    }
    assertThatThrownBy(() -> NpzReader.read(npz)).isInstanceOf(NpzFormatException.class)
        .hasMessageContaining("notes.txt");
  }
}
