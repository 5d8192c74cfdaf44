package io.chargen.learner;

import io.chargen.model.data.PenSample;
import io.chargen.model.fixtures.RealLetters;
import io.chargen.proto.SchemaVersions;
import io.chargen.proto.v1.PenPoint;
import io.chargen.proto.v1.Trajectory;

/** Example trajectories for learner tests: real DigiLeTs letters as capture would publish them. */
final class Examples {
  private Examples() {}

  /**
   * @param id the example id
   * @param label the label to teach
   * @param letter which real letter's points to use
   * @param instance 0..4
   * @return the protobuf trajectory
   */
  static Trajectory real(String id, String label, char letter, int instance) {
    PenSample sample = RealLetters.sample(RealLetters.FIRST_WRITER, letter, instance);
    Trajectory.Builder t = Trajectory.newBuilder().setSchemaVersion(SchemaVersions.CURRENT).setId(id)
        .setLabel(label).setWriter(RealLetters.FIRST_WRITER).setDevice("test").setCapturedAtMs(1);
    for (io.chargen.model.data.PenPoint p : sample.points()) {
      t.addPoints(PenPoint.newBuilder().setX(p.x()).setY(p.y()).setPressure(p.pressure()).setDown(p.penDown())
          .setT(p.t()));
    }
    return t.build();
  }
}
