package io.chargen.web;

import io.chargen.model.data.PenPoint;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.PointerInput.MouseButton;
import org.openqa.selenium.interactions.PointerInput.Origin;
import org.openqa.selenium.interactions.Sequence;

/**
 * A recorded DigiLeTs letter replayed as W3C pen actions (pointerType "pen", with the recorded pressure) on a
 * canvas: scaled to fill most of it, centred, one pointer-down … pointer-up per stroke, y flipped (the recordings'
 * y grows upwards, the screen's downwards). The browser turns these into the Pointer Events a tablet's pen fires.
 */
final class PenReplay {
  /** Share of the canvas's smaller side that the letter's larger side fills. */
  private static final double FILL = 0.7;
  /** Time per move: real pens report at 100-200 Hz; shorter keeps the test fast without merging moves. */
  private static final Duration STEP = Duration.ofMillis(4);

  private PenReplay() {}

  /** @return the actions that write the letter on the element */
  static Sequence write(List<PenPoint> points, WebElement canvas) {
    double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
    for (PenPoint p : points) {
      minX = Math.min(minX, p.x());
      maxX = Math.max(maxX, p.x());
      minY = Math.min(minY, p.y());
      maxY = Math.max(maxY, p.y());
    }
    int side = Math.min(canvas.getSize().width, canvas.getSize().height);
    double scale = FILL * side / Math.max(maxX - minX, maxY - minY);
    double cx = (minX + maxX) / 2;
    double cy = (minY + maxY) / 2;
    PointerInput pen = new PointerInput(PointerInput.Kind.PEN, "pen");
    Sequence actions = new Sequence(pen, 0);
    for (int i = 0; i < points.size(); i++) {
      PenPoint p = points.get(i);
      int x = (int) Math.round((p.x() - cx) * scale);
      int y = (int) Math.round((cy - p.y()) * scale);
      if (p.penDown() && i > 0) {
        actions.addAction(pen.createPointerUp(MouseButton.LEFT.asArg()));
      }
      actions.addAction(pen.createPointerMove(STEP, Origin.fromElement(canvas), x, y,
          new PointerInput.PointerEventProperties().setPressure((float) clamp(p.pressure()))));
      if (p.penDown()) {
        actions.addAction(pen.createPointerDown(MouseButton.LEFT.asArg(),
            new PointerInput.PointerEventProperties().setPressure((float) clamp(p.pressure()))));
      }
    }
    actions.addAction(pen.createPointerUp(MouseButton.LEFT.asArg()));
    return actions;
  }

  /** DigiLeTs holds small negative pressures (sensor offset); a pen reports 0..1. */
  private static double clamp(double pressure) {
    return Math.max(0.05, Math.min(1, pressure));
  }
}
