package io.chargen.service;

import io.chargen.model.StrokeSequence;
import io.chargen.proto.v1.Step;
import java.util.ArrayList;
import java.util.List;

/** Converts letters in the network's space between the model's {@link StrokeSequence} and protobuf {@link Step}s. */
public final class ProtoSteps {
  private ProtoSteps() {}

  /**
   * @param sequence a letter
   * @return one Step per time step
   */
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
