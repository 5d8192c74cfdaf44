package io.chargen.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Message;
import io.chargen.proto.v1.ClassificationResult;
import io.chargen.proto.v1.GeneratedTrajectory;
import io.chargen.proto.v1.GenerationRequest;
import io.chargen.proto.v1.LearnedConcept;
import io.chargen.proto.v1.PenPoint;
import io.chargen.proto.v1.StateRow;
import io.chargen.proto.v1.Step;
import io.chargen.proto.v1.StyleExample;
import io.chargen.proto.v1.Trajectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Schema version 1 on the wire: one checked-in record of every message, written by {@link #main} when v1 was
 * defined, must keep parsing to the same values. Renumbering a field breaks this test.
 */
class WireFormatV1Test {

  static List<Message> samples() {
    return List.of(
        Trajectory.newBuilder().setSchemaVersion(1).setId("t-1").setWriter("w1").setDevice("tablet-7").setLabel("n")
            .addPoints(PenPoint.newBuilder().setX(0.25).setY(0.5).setPressure(0.75).setDown(true).setT(0))
            .addPoints(PenPoint.newBuilder().setX(0.3).setY(0.45).setPressure(0.5).setT(0.02))
            .setCapturedAtMs(1_700_000_000_000L).build(),
        LearnedConcept.newBuilder().setSchemaVersion(1).setLabel("n").setModelId("sha256:abc").addCode(0.5f)
            .addCode(-0.25f).setVersion(2).setSourceExampleId("t-1").setMseBefore(1.5).setMseAfter(0.03)
            .setLearnedAtMs(1_700_000_000_001L).addExample(step(0, 0, 1, 1)).build(),
        GenerationRequest.newBuilder().setSchemaVersion(1).setId("g-1").putMix("n", 0.5).putMix("o", 0.5)
            .setVariants(3).setNoise(0.03).setSeed(7).setSteps(40).setStates(true).build(),
        GeneratedTrajectory.newBuilder().setSchemaVersion(1).setRequestId("g-1").setVariant(1)
            .addSteps(step(0.1f, -0.2f, 0.5f, 1)).addCell(StateRow.newBuilder().addValues(0.5f))
            .addHidden(StateRow.newBuilder().addValues(-0.5f)).putMix("n", 1).setNoise(0.03).setSeed(8)
            .setModelId("sha256:abc").build(),
        ClassificationResult.newBuilder().setSchemaVersion(1).setQueryId("q-1").setLabel("n").putScores("n", -1.5)
            .putScores("o", -2.5).setMethod("shape_dtw").setWriter("w1").setDurationMs(2.5).build(),
        StyleExample.newBuilder().setLetter("a").setExampleId("t-2").addSteps(step(0.5f, 0.25f, 1, 1)).build());
  }

  /**
   * The same records with the {@code tenant} field added in issue 12 (schema version 1 still: an added field, see
   * chargen.proto), checked in under {@code v1/tenant/}.
   */
  static List<Message> samplesWithTenant() {
    return samples().stream().filter(m -> m.getDescriptorForType().findFieldByName("tenant") != null)
        .map(m -> (Message) m.toBuilder()
            .setField(m.getDescriptorForType().findFieldByName("tenant"), "school-7").build())
        .toList();
  }

  private static Step step(float dx, float dy, float pressure, float stroke) {
    return Step.newBuilder().setDx(dx).setDy(dy).setPressure(pressure).setStroke(stroke).build();
  }

  @Test
  @DisplayName("every checked-in version-1 record parses to the values it was written with")
  void checkedInRecordsKeepParsing() throws IOException {
    for (Message expected : samples()) {
      String name = "/v1/" + expected.getDescriptorForType().getName() + ".bin";
      try (InputStream in = getClass().getResourceAsStream(name)) {
        assertThat(in).as(name).isNotNull();
        Message parsed = expected.getParserForType().parseFrom(in.readAllBytes());
        assertThat(parsed).as(name).isEqualTo(expected);
      }
    }
  }

  @Test
  @DisplayName("every checked-in record with a tenant parses to its values, tenant included")
  void checkedInTenantRecordsKeepParsing() throws IOException {
    for (Message expected : samplesWithTenant()) {
      String name = "/v1/tenant/" + expected.getDescriptorForType().getName() + ".bin";
      try (InputStream in = getClass().getResourceAsStream(name)) {
        assertThat(in).as(name).isNotNull();
        assertThat(expected.getParserForType().parseFrom(in.readAllBytes())).as(name).isEqualTo(expected);
      }
    }
  }

  @Test
  @DisplayName("a record written before tenants reads an empty tenant, which belongs to the default tenant")
  void recordsBeforeTenantsBelongToTheDefaultTenant() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/v1/LearnedConcept.bin")) {
      LearnedConcept old = LearnedConcept.parseFrom(in.readAllBytes());
      assertThat(old.getTenant()).isEmpty();
      assertThat(TenantKeys.tenantOf(old.getTenant())).isEqualTo(TenantKeys.DEFAULT_TENANT);
    }
  }

  @Test
  @DisplayName("every message that belongs to someone has a tenant field; the nested ones do not need one")
  void tenantFieldOnEveryTopLevelMessage() {
    for (Message m : samples()) {
      boolean nested = m instanceof StyleExample;
      assertThat(m.getDescriptorForType().findFieldByName("tenant") != null)
          .as(m.getDescriptorForType().getName()).isEqualTo(!nested);
    }
  }

  @Test
  @DisplayName("a classification result written before its outcome field existed reads as classified")
  void resultsWithoutOutcomeAreClassified() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/v1/ClassificationResult.bin")) {
      assertThat(ClassificationResult.parseFrom(in.readAllBytes()).getOutcome())
          .isEqualTo(ClassificationResult.Outcome.CLASSIFIED);
    }
  }

  @Test
  @DisplayName("an unsupported schema version is refused naming the message and the supported versions")
  void unsupportedVersionRefused() {
    assertThatThrownBy(() -> SchemaVersions.require("Trajectory", 2))
        .hasMessage("Trajectory has schema_version 2; this build reads [1]");
    assertThatThrownBy(() -> SchemaVersions.require("Trajectory", 0)).hasMessageContaining("schema_version 0");
  }

  @Test
  @DisplayName("every DLQ topic belongs to an input topic of the catalogue")
  void deadLetterTopicsMatchInputs() {
    for (Topics t : Topics.values()) {
      if (t.topic().endsWith(".dlq")) {
        String source = t.topic().substring(0, t.topic().length() - ".dlq".length());
        assertThat(Arrays.stream(Topics.values()).map(Topics::topic)).as(t.topic()).contains(source);
      }
    }
  }

  /**
   * Writes the records; run once when a schema version (or an added field) is defined, never to "fix" the test.
   * {@code main DIR} writes {@link #samples}, {@code main DIR tenant} writes {@link #samplesWithTenant}.
   */
  public static void main(String[] args) throws IOException {
    Path dir = Files.createDirectories(Path.of(args[0]));
    for (Message m : args.length > 1 && "tenant".equals(args[1]) ? samplesWithTenant() : samples()) {
      Files.write(dir.resolve(m.getDescriptorForType().getName() + ".bin"), m.toByteArray());
    }
  }
}
