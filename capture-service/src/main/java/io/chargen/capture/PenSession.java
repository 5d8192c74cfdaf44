package io.chargen.capture;

import io.chargen.capture.CaptureMetrics.Endpoint;
import io.chargen.capture.CaptureMetrics.Outcome;
import io.chargen.capture.CaptureProcessor.Kind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One {@code /v1/pen} WebSocket conversation: {@code begin} (mode teach|ask, label, writer, device), any number of
 * {@code points} messages appended to a buffer, {@code end} (validate and publish like the POSTs, reply
 * {@code accepted}; in ask mode push {@code classification} when it arrives), {@code clear} (empty the buffer).
 * After {@code end} the buffer is empty and the begin settings stay, so a client can write letter after letter.
 * Mistakes are pushed as {@code {"type":"error","error":…}}; the session never closes the socket itself.
 */
final class PenSession {
  private enum Mode { TEACH, ASK }

  private final PenInputValidator validator;
  private final CaptureProcessor processor;
  private final QueryResults results;
  private final CaptureMetrics metrics;
  private final Consumer<JsonObject> send;
  private final List<Runnable> waits = new ArrayList<>();
  private JsonArray buffer = new JsonArray();
  private Mode mode;
  private JsonObject settings;

  PenSession(PenInputValidator validator, CaptureProcessor processor, QueryResults results, CaptureMetrics metrics,
      Consumer<JsonObject> send) {
    this.validator = validator;
    this.processor = processor;
    this.results = results;
    this.metrics = metrics;
    this.send = send;
  }

  /** @param text one text message from the client */
  void onMessage(String text) {
    try {
      JsonObject message = PenInputValidator.object(text, "message");
      Object type = message.getValue("type");
      switch (type instanceof String s ? s : "") {
        case "begin" -> begin(message);
        case "points" -> append(message);
        case "end" -> end();
        case "clear" -> buffer = new JsonArray();
        default -> throw new InvalidPenInputException("type = " + (type instanceof String s ? '"' + s + '"' : type)
            + " is not one of [begin, points, end, clear]");
      }
    } catch (InvalidPenInputException e) {
      error(e.getMessage());
    }
  }

  /** Stops waiting for answers: the socket closed. */
  void close() {
    waits.forEach(Runnable::run);
    waits.clear();
  }

  private void begin(JsonObject message) throws InvalidPenInputException {
    Object value = message.getValue("mode");
    Mode next = "teach".equals(value) ? Mode.TEACH : "ask".equals(value) ? Mode.ASK : null;
    if (next == null) {
      throw new InvalidPenInputException("mode = " + (value instanceof String s ? '"' + s + '"' : value)
          + " is not one of [teach, ask]");
    }
    if (next == Mode.TEACH) {
      validator.label(message.getValue("label"));
    }
    mode = next;
    settings = message.copy();
    buffer = new JsonArray();
  }

  private void append(JsonObject message) throws InvalidPenInputException {
    requireBegun("points");
    Object points = message.getValue("points");
    if (!(points instanceof JsonArray array)) {
      throw new InvalidPenInputException("points = " + points + " is not an array");
    }
    if (buffer.size() + array.size() > PenInputValidator.MAX_POINTS) {
      throw new InvalidPenInputException("points: " + array.size() + " more would make " + (buffer.size()
          + array.size()) + "; at most " + PenInputValidator.MAX_POINTS + " (not appended)");
    }
    buffer.addAll(array);
  }

  private void end() throws InvalidPenInputException {
    requireBegun("end");
    JsonObject json = settings.copy().put("points", buffer);
    buffer = new JsonArray();
    Kind kind = mode == Mode.TEACH ? Kind.EXAMPLE : Kind.QUERY;
    PenInput input;
    try {
      input = validator.validate(json, kind == Kind.EXAMPLE);
    } catch (InvalidPenInputException e) {
      metrics.requests(Endpoint.PEN, Outcome.INVALID).increment();
      throw e;
    }
    processor.submit(kind, input)
        .onSuccess(id -> {
          metrics.requests(Endpoint.PEN, Outcome.OK).increment();
          send.accept(new JsonObject().put("type", "accepted").put("id", id));
          if (kind == Kind.QUERY) {
            waits.add(results.onAnswer(id, result ->
                send.accept(CaptureProcessor.toJson(result).put("type", "classification"))));
          }
        })
        .onFailure(e -> {
          metrics.requests(Endpoint.PEN, Outcome.ERROR).increment();
          error("publishing to " + kind.topic() + " failed: " + e.getMessage());
        });
  }

  private void requireBegun(String type) throws InvalidPenInputException {
    if (mode == null) {
      throw new InvalidPenInputException("type = \"" + type + "\" before \"begin\"");
    }
  }

  private void error(String message) {
    send.accept(new JsonObject().put("type", "error").put("error", message));
  }
}
