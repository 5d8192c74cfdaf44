package io.chargen.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargen.model.CharModel;
import io.chargen.model.fixtures.TinyModels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

  @Test
  @DisplayName("a model written and read back is equal, labels, weights and metadata")
  void roundTrip(@TempDir Path dir) throws IOException {
    CharModel model = TinyModels.untrained("abc", 4, 1).withMetadata(Map.of("epochs", "3"));
    Path file = dir.resolve("sub/m.cgm");
    ModelFile.write(model, file);
    CharModel back = ModelFile.read(file);
    assertThat(back.concepts()).isEqualTo(model.concepts());
    assertThat(back.weights()).isEqualTo(model.weights());
    assertThat(back.metadata()).isEqualTo(model.metadata());
  }

  @Test
  @DisplayName("the checked-in version 1 file keeps loading with its known values")
  void checkedInVersion1Loads() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/models/format-v1.cgm")) {
      CharModel model = ModelFile.read(in, "format-v1.cgm");
      assertThat(model.concepts().labels()).containsExactly("a", "b", "c");
      assertThat(model.weights().hidden()).isEqualTo(4);
      assertThat(model.weights()).isEqualTo(TinyModels.untrained("abc", 4, 1).weights());
      assertThat(model.metadata()).containsEntry("fixture", "format-v1");
    }
  }

  @Test
  @DisplayName("an unknown format version is rejected with the supported versions named")
  void unknownVersionRejected() throws IOException {
    byte[] bytes = bytesOf(TinyModels.untrained("ab", 2, 1));
    ByteBuffer.wrap(bytes).putInt(8, 99);
    assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream(bytes), "x.cgm"))
        .isInstanceOf(IOException.class).hasMessageContaining("x.cgm").hasMessageContaining("version 99")
        .hasMessageContaining("[1]");
  }

  @Test
  @DisplayName("a file without the magic header is rejected as not a model file")
  void badMagicRejected() {
    assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream("hello world!".getBytes()), "y.cgm"))
        .hasMessageContaining("y.cgm is not a chargen model file");
  }

  @Test
  @DisplayName("a truncated file is rejected as truncated")
  void truncatedRejected() throws IOException {
    byte[] bytes = bytesOf(TinyModels.untrained("ab", 2, 1));
    byte[] cut = Arrays.copyOf(bytes, bytes.length - 3);
    assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream(cut), "z.cgm"))
        .hasMessageContaining("z.cgm is truncated");
  }

  @Test
  @DisplayName("a NaN weight in a file is rejected naming the array")
  void nanRejected() throws IOException {
    byte[] bytes = bytesOf(TinyModels.untrained("ab", 2, 1));
    ByteBuffer.wrap(bytes).putFloat(bytes.length - 4, Float.NaN);
    assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream(bytes), "n.cgm"))
        .hasMessageContaining("n.cgm holds an invalid model").hasMessageContaining("wOut[7] is NaN");
  }

  private static byte[] bytesOf(CharModel model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ModelFile.write(model, out);
    return out.toByteArray();
  }

  /** Regenerates the checked-in fixture; run by hand only when adding a format version. */
  public static void main(String[] args) throws IOException {
    ModelFile.write(TinyModels.untrained("abc", 4, 1).withMetadata(Map.of("fixture", "format-v1")),
        Files.createDirectories(Path.of(args[0])).resolve("format-v1.cgm"));
  }
}
