package io.chargen.capture;

import io.chargen.capture.CaptureMetrics.Endpoint;
import io.chargen.capture.CaptureMetrics.Outcome;
import io.chargen.capture.CaptureProcessor.Kind;
import io.chargen.model.Names;
import io.chargen.proto.TenantKeys;
import io.chargen.proto.v1.PenPoint;
import io.chargen.service.Tracing;
import io.chargen.service.TrajectoryLimits;
import io.chargen.service.security.Caller;
import io.opentelemetry.context.Context;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One {@code /v1/pen} WebSocket conversation: {@code begin} (mode teach|ask, label, writer, device), any number of
 * {@code points} messages appended to a buffer, {@code end} (validate and publish like the POSTs, with the W3C
 * {@code traceparent}/{@code tracestate} the message may carry, else the upgrade request's trace context; reply
 * {@code accepted}; in ask mode push {@code classification} when it arrives, or {@code error} if the query failed),
 * {@code clear} (empty the buffer). After {@code end} the buffer is empty and the begin settings stay, so a client can
 * write letter after letter. Memory per session is bounded: points are typed on arrival (unknown fields dropped) and
 * at most {@link TrajectoryLimits#MAX_POINTS} are buffered; messages are bounded by the server's WebSocket message
 * size and idle sessions are closed by the verticle. Mistakes are pushed as {@code {"type":"error","error":…}}.
 */
final class PenSession {
  private enum Mode { TEACH, ASK }

  private final PenInputValidator validator;
  private final CaptureSubmissions submissions;
  private final CaptureMetrics metrics;
  private final Consumer<JsonObject> send;
  private final Caller caller;
  private final Context session;
  private final List<Runnable> waits = new ArrayList<>();
  private List<PenPoint> buffer = new ArrayList<>();
  private Mode mode;
  private String label = "";
  private String writer = "";
  private String device = "";

  PenSession(PenInputValidator validator, CaptureSubmissions submissions, CaptureMetrics metrics, Caller caller,
      Consumer<JsonObject> send) {
    this(validator, submissions, metrics, caller, send, Context.root());
  }

  /**
   * @param caller the token's caller: its tenant owns the session's letters, its writers claim limits the names
   * @param session the trace context of the WebSocket's upgrade request: the parent of every letter of the session
   *     whose {@code end} message brings no {@code traceparent} of its own
   */
  PenSession(PenInputValidator validator, CaptureSubmissions submissions, CaptureMetrics metrics, Caller caller,
      Consumer<JsonObject> send, Context session) {
    this.caller = caller;
    this.validator = validator;
    this.submissions = submissions;
    this.metrics = metrics;
    this.send = send;
    this.session = session;
  }

  /** @param text one text message from the client */
  void onMessage(String text) {
    try {
      JsonObject message = PenInputValidator.object(text, "message");
      Object type = message.getValue("type");
      switch (type instanceof String s ? s : "") {
        case "begin" -> begin(message);
        case "points" -> append(message);
        case "end" -> end(message);
        case "clear" -> buffer = new ArrayList<>();
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
    JsonObject names = new JsonObject().put("points", new JsonArray());
    for (String field : List.of("writer", "device")) {
      names.put(field, message.getValue(field));
    }
    PenInput checked = validator.validateNames(names);
    if (!caller.mayWriteAs(checked.writer())) {
      // The token's writers claim, as on POST (403 there): the session stays open for a name it may use.
      throw new InvalidPenInputException("writer " + Names.excerpt(checked.writer()) + ": this token may write as "
          + (caller.writers().isEmpty() ? "no named writer" : caller.writers()) + " only");
    }
    label = next == Mode.TEACH ? validator.label(message.getValue("label")) : "";
    writer = checked.writer();
    device = checked.device();
    mode = next;
    buffer = new ArrayList<>();
  }

  private void append(JsonObject message) throws InvalidPenInputException {
    requireBegun("points");
    Object points = message.getValue("points");
    if (!(points instanceof JsonArray array)) {
      throw new InvalidPenInputException("points = " + points + " is not an array");
    }
    if (buffer.size() + array.size() > TrajectoryLimits.MAX_POINTS) {
      throw new InvalidPenInputException("points: " + array.size() + " more would make " + (buffer.size()
          + array.size()) + "; at most " + TrajectoryLimits.MAX_POINTS + " (not appended)");
    }
    buffer.addAll(validator.points(array, buffer.size()));
  }

  private void end(JsonObject message) throws InvalidPenInputException {
    requireBegun("end");
    Context trace = Tracing.parse(optionalString(message, "traceparent"), optionalString(message, "tracestate"),
        session);
    List<PenPoint> points = buffer;
    buffer = new ArrayList<>();
    Kind kind = mode == Mode.TEACH ? Kind.EXAMPLE : Kind.QUERY;
    PenInput input;
    try {
      input = validator.validate(label, writer, device, points);
    } catch (InvalidPenInputException e) {
      metrics.requests(Endpoint.PEN, Outcome.INVALID).increment();
      throw e;
    }
    submissions.submit(kind, caller.tenant(), input, Endpoint.PEN, trace)
        .onSuccess(id -> {
          send.accept(new JsonObject().put("type", "accepted").put("id", id));
          if (kind == Kind.QUERY) {
            waits.add(submissions.results().onAnswer(TenantKeys.key(caller.tenant(), id), answer -> send.accept(answer.result() != null
                ? CaptureProcessor.toJson(answer.result()).put("type", "classification")
                : new JsonObject().put("type", "error").put("id", id).put("error", answer.error()))));
          }
        })
        .onFailure(e -> error(e.getMessage()));
  }

  private static String optionalString(JsonObject message, String field) throws InvalidPenInputException {
    Object value = message.getValue(field);
    if (value != null && !(value instanceof String)) {
      throw new InvalidPenInputException(field + " = " + value + " is not a string");
    }
    return (String) value;
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
