package io.chargen.classifier;

import io.chargen.model.StrokeSequence;
import io.chargen.model.data.Transform;
import io.chargen.model.fixtures.TinyModels;
import io.chargen.proto.SchemaVersions;
import io.chargen.proto.v1.LearnedConcept;
import io.chargen.proto.v1.PenPoint;
import io.chargen.proto.v1.Step;
import io.chargen.proto.v1.Trajectory;
import io.chargen.service.BaseModel;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures: a tiny base model, two clearly different letters as pen points, and concepts learned from them. */
final class Queries {
  /** Hidden size of the tiny model: every code has this many values. */
  static final int HIDDEN = 8;
  static final String MODEL_ID = "tiny-abc";
  private static final int POINTS = 40;

  private Queries() {}

  /** @return an untrained seeded model over a, b, c */
  static BaseModel tinyBase() {
    return new BaseModel(TinyModels.untrained("abc", HIDDEN, 1), MODEL_ID);
  }

  /** @return a round letter: one stroke around a circle */
  static List<PenPoint> circle() {
    List<PenPoint> points = new ArrayList<>();
    for (int i = 0; i < POINTS; i++) {
      double a = 2 * Math.PI * i / (POINTS - 1);
      points.add(point(0.5 + 0.3 * Math.cos(a), 0.5 + 0.3 * Math.sin(a), i));
    }
    return points;
  }

  /** @return a zigzag letter: one stroke of straight diagonal segments */
  static List<PenPoint> zigzag() {
    List<PenPoint> points = new ArrayList<>();
    for (int i = 0; i < POINTS; i++) {
      double y = (i / 5) % 2 == 0 ? (i % 5) * 0.1 : 0.5 - (i % 5) * 0.1;
      points.add(point(0.02 * i, y, i));
    }
    return points;
  }

  private static PenPoint point(double x, double y, int index) {
    return PenPoint.newBuilder().setX(x).setY(y).setPressure(0.6).setDown(index == 0)
        .setT(index * Transform.NOMINAL_SAMPLE_INTERVAL_S).build();
  }

  /**
   * @param id the query id
   * @param points its pen points
   * @return the query trajectory (no label)
   */
  static Trajectory query(String id, List<PenPoint> points) {
    return Trajectory.newBuilder().setSchemaVersion(SchemaVersions.CURRENT).setId(id).setWriter("w-1")
        .setDevice("test").addAllPoints(points).build();
  }

  /**
   * @param label the concept
   * @param version its version
   * @param modelId the base model's id
   * @param letter the example's pen points; null for a concept without example
   * @return the concept with a constant code and the transformed example as steps
   */
  static LearnedConcept concept(String label, long version, String modelId, List<PenPoint> letter) {
    LearnedConcept.Builder concept = LearnedConcept.newBuilder().setSchemaVersion(SchemaVersions.CURRENT)
        .setLabel(label).setModelId(modelId).setVersion(version).setSourceExampleId("ex-" + label + "-" + version)
        .setLearnedAtMs(1_700_000_000_000L);
    for (int i = 0; i < HIDDEN; i++) {
      concept.addCode(0.1f * (label.hashCode() % 7) + 0.01f * i);
    }
    if (letter != null) {
      StrokeSequence steps = Transform.apply(toModel(letter));
      for (float[] s : steps.toSteps()) {
        concept.addExample(Step.newBuilder().setDx(s[0]).setDy(s[1]).setPressure(s[2]).setStroke(s[3]));
      }
    }
    return concept.build();
  }

  private static List<io.chargen.model.data.PenPoint> toModel(List<PenPoint> points) {
    return points.stream().map(p -> new io.chargen.model.data.PenPoint(p.getX(), p.getY(), p.getPressure(),
        p.getDown(), p.getT())).toList();
  }
}
