package io.chargen.service;

import com.google.protobuf.InvalidProtocolBufferException;
import io.chargen.model.StrokeSequence;
import io.chargen.model.data.PenPoint;
import io.chargen.model.data.Transform;
import io.chargen.proto.SchemaVersions;
import io.chargen.proto.v1.Step;
import io.chargen.proto.v1.Trajectory;
import java.util.ArrayList;
import java.util.List;

/**
 * The one conversion of trajectories between Kafka and the model: a record's bytes to a checked {@link Trajectory}
 * ({@link TrajectoryLimits}), its points to the model's pen points and through the authors' transform to a
 * {@link StrokeSequence}; and letters in the network's space to and from protobuf {@link Step}s.
 */
public final class TrajectoryCodec {
  private TrajectoryCodec() {}

  /**
   * @param value a record's bytes
   * @param labelRequired true for examples, false for queries
   * @return the trajectory, schema version and limits checked
   * @throws BadRecordException naming the problem
   */
  public static Trajectory parse(byte[] value, boolean labelRequired) {
    Trajectory trajectory;
    try {
      trajectory = Trajectory.parseFrom(value);
      SchemaVersions.require("Trajectory", trajectory.getSchemaVersion());
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw new BadRecordException("not a Trajectory: " + e.getMessage(), e);
    }
    try {
      TrajectoryLimits.check(trajectory, labelRequired);
    } catch (IllegalArgumentException e) {
      String which = trajectory.getId().isBlank() ? "" : "trajectory " + trajectory.getId() + ": ";
      throw new BadRecordException(which + e.getMessage(), e);
    }
    return trajectory;
  }

  /**
   * @param trajectory a checked trajectory
   * @return its letter after the authors' transform
   * @throws BadRecordException if the transform refuses it
   */
  public static StrokeSequence letter(Trajectory trajectory) {
    List<PenPoint> points = new ArrayList<>(trajectory.getPointsCount());
    for (io.chargen.proto.v1.PenPoint p : trajectory.getPointsList()) {
      points.add(new PenPoint(p.getX(), p.getY(), p.getPressure(), p.getDown(), p.getT()));
    }
    try {
      return Transform.apply(points);
    } catch (IllegalArgumentException e) {
      throw new BadRecordException("points of " + trajectory.getId() + " cannot be transformed: " + e.getMessage(), e);
    }
  }

  /** @param sequence a letter @return one Step per time step */
  public static List<Step> toSteps(StrokeSequence sequence) {
    List<Step> steps = new ArrayList<>(sequence.length());
    for (int t = 0; t < sequence.length(); t++) {
      steps.add(Step.newBuilder().setDx(sequence.get(t, StrokeSequence.DX)).setDy(sequence.get(t, StrokeSequence.DY))
          .setPressure(sequence.get(t, StrokeSequence.PRESSURE)).setStroke(sequence.get(t, StrokeSequence.STROKE))
          .build());
    }
    return steps;
  }

  /**
   * @param steps protobuf steps, at least one
   * @return the letter
   * @throws IllegalArgumentException if there are no steps or a value is not finite
   */
  public static StrokeSequence fromSteps(List<Step> steps) {
    float[][] rows = new float[steps.size()][];
    for (int t = 0; t < rows.length; t++) {
      Step s = steps.get(t);
      rows[t] = new float[] {s.getDx(), s.getDy(), s.getPressure(), s.getStroke()};
    }
    return StrokeSequence.ofSteps(rows);
  }
}
