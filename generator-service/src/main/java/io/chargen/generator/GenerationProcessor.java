package io.chargen.generator;

import com.google.protobuf.InvalidProtocolBufferException;
import io.chargen.model.CharModel;
import io.chargen.model.Rollout;
import io.chargen.model.StrokeSequence;
import io.chargen.model.generate.Generator;
import io.chargen.proto.SchemaVersions;
import io.chargen.proto.TenantKeys;
import io.chargen.proto.v1.GeneratedTrajectory;
import io.chargen.proto.v1.GenerationRequest;
import io.chargen.proto.v1.StateRow;
import io.chargen.proto.v1.Step;
import io.chargen.service.BadRecordException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Turns one {@link GenerationRequest} record into its {@link GeneratedTrajectory} messages, without Kafka: parse and
 * check the schema version, validate the spec against the current concept set, run the {@link Generator} once per
 * variant (variant i with seed {@code seed + i}, noise on the input vector at every step; Fabi et al. 2020,
 * Sec. 3.2 and 3.4) and copy steps and, when asked, the LSTM states (Sec. 3.5). Deterministic: a redelivered request
 * yields the same trajectories, which readers deduplicate by request id and variant.
 */
public final class GenerationProcessor {
  private final Generator generator;
  private final Consumer<Duration> perTrajectory;

  /**
   * @param generator runs the network
   * @param perTrajectory told how long each trajectory took (a timer in the service)
   */
  public GenerationProcessor(Generator generator, Consumer<Duration> perTrajectory) {
    this.generator = generator;
    this.perTrajectory = perTrajectory;
  }

  /**
   * @param value the record's bytes
   * @param models the base model grown by a tenant's concepts, as this replica knows them now, by tenant: a
   *     request is generated from its tenant's concepts and the shared base only
   * @param modelId the base model's id, stamped on every trajectory
   * @return one trajectory per variant, in variant order
   * @throws BadRecordException for an unparsable record or an invalid spec, naming the value
   * @throws GenerationSpec.UnknownConceptException when the mix names a concept not known yet (transient)
   */
  public List<GeneratedTrajectory> process(byte[] value, Function<String, CharModel> models, String modelId) {
    GenerationRequest request = parse(value);
    String tenant = TenantKeys.tenantOf(request.getTenant());
    CharModel model = models.apply(tenant);
    GenerationSpec spec = spec(request);
    try {
      spec.validate(model.concepts());
      GenerationBudget.check(spec, model.weights().hidden());
    } catch (GenerationSpec.UnknownConceptException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new BadRecordException("request " + request.getId() + ": " + e.getMessage(), e);
    }
    List<GeneratedTrajectory> out = new ArrayList<>(spec.variants());
    for (int i = 0; i < spec.variants(); i++) {
      long start = System.nanoTime();
      // One variant per call (Generator.variants would mix all first) so each trajectory is timed on its own.
      List<Rollout> rollout = generator.variants(model, spec.mix(), 1, spec.request().withSeed(spec.seed() + i));
      out.add(trajectory(tenant, request.getId(), i, spec, modelId, rollout.get(0)));
      perTrajectory.accept(Duration.ofNanos(System.nanoTime() - start));
    }
    return out;
  }

  /**
   * @param spec a validated spec
   * @param tenant the caller's tenant, whose concepts it mixes and who alone sees the result
   * @param id the new request id
   * @return the record the HTTP API publishes
   */
  public static GenerationRequest toProto(GenerationSpec spec, String tenant, String id) {
    return GenerationRequest.newBuilder()
        .setSchemaVersion(SchemaVersions.CURRENT)
        .setId(id)
        .setTenant(tenant)
        .putAllMix(spec.mix())
        .setVariants(spec.variants())
        .setNoise(spec.noise())
        .setSeed(spec.seed())
        .setSteps(spec.steps())
        .setStates(spec.states())
        .build();
  }

  /**
   * @param value serialized request
   * @return the request, schema version checked and id present
   * @throws BadRecordException naming the problem
   */
  static GenerationRequest parse(byte[] value) {
    GenerationRequest request;
    try {
      request = GenerationRequest.parseFrom(value == null ? new byte[0] : value);
      SchemaVersions.require("GenerationRequest", request.getSchemaVersion());
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw new BadRecordException("not a GenerationRequest: " + e.getMessage(), e);
    }
    if (request.getId().isBlank()) {
      throw new BadRecordException("id is empty; a generation request needs an id to be answered");
    }
    return request;
  }

  /** The proto's variants 0 means one trajectory, as 1 does. */
  private static GenerationSpec spec(GenerationRequest request) {
    return new GenerationSpec(request.getMixMap(), Math.max(1, request.getVariants()), request.getNoise(),
        request.getSeed(), request.getSteps(), request.getStates());
  }

  private static GeneratedTrajectory trajectory(String tenant, String id, int variant, GenerationSpec spec,
      String modelId, Rollout rollout) {
    GeneratedTrajectory.Builder out = GeneratedTrajectory.newBuilder()
        .setSchemaVersion(SchemaVersions.CURRENT)
        .setTenant(tenant)
        .setRequestId(id)
        .setVariant(variant)
        .putAllMix(spec.mix())
        .setNoise(spec.noise())
        .setSeed(spec.seed() + variant)
        .setModelId(modelId);
    StrokeSequence output = rollout.output();
    for (int t = 0; t < output.length(); t++) {
      out.addSteps(Step.newBuilder()
          .setDx(output.get(t, StrokeSequence.DX))
          .setDy(output.get(t, StrokeSequence.DY))
          .setPressure(output.get(t, StrokeSequence.PRESSURE))
          .setStroke(output.get(t, StrokeSequence.STROKE)));
    }
    if (spec.states()) {
      addRows(rollout.cell(), out::addCell);
      addRows(rollout.hidden(), out::addHidden);
    }
    return out.build();
  }

  private static void addRows(float[][] rows, Consumer<StateRow> sink) {
    for (float[] row : rows) {
      StateRow.Builder b = StateRow.newBuilder();
      for (float v : row) {
        b.addValues(v);
      }
      sink.accept(b.build());
    }
  }
}
