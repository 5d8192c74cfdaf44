package io.chargen.capture;

import io.chargen.capture.CaptureMetrics.Endpoint;
import io.chargen.capture.CaptureMetrics.Outcome;
import io.chargen.capture.CaptureProcessor.Kind;
import io.opentelemetry.context.Context;
import io.vertx.core.Future;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admission of validated input, the same for the POSTs and the WebSocket: capture takes work only when it can be
 * done. Refused with 503 while the broker is unreachable (readiness DOWN: the send would only time out) or while
 * {@link QueryResults} is full of ids it promised to keep; refused with 429 when more than
 * {@value #MAX_PENDING_QUERIES} queries wait for the classifier (past that, an open-loop flood would be accepted
 * faster than it is classified and answered minutes late). Both carry {@code Retry-After}.
 */
final class CaptureSubmissions {
  /** Queries published and unanswered above which new ones are refused: ~10 s of the classifier's measured rate. */
  static final int MAX_PENDING_QUERIES = 2_000;
  /** Suggested wait before retrying a refused submission, seconds. */
  static final int RETRY_AFTER_SECONDS = 2;
  private static final Logger LOG = LoggerFactory.getLogger(CaptureSubmissions.class);

  private final CaptureProcessor processor;
  private final QueryResults results;
  private final CaptureMetrics metrics;
  private final BooleanSupplier ready;

  /** A submission refused before publishing; HTTP answers {@link #status()} with Retry-After. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    Refused(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  CaptureSubmissions(CaptureProcessor processor, QueryResults results, CaptureMetrics metrics,
      BooleanSupplier ready) {
    this.processor = processor;
    this.results = results;
    this.metrics = metrics;
    this.ready = ready;
  }

  /**
   * @param kind example or query
   * @param tenant the caller's tenant
   * @param input validated input
   * @param endpoint for the request counter
   * @return the id once the broker acknowledged; fails with {@link Refused} (not published) or the send's error
   */
  Future<String> submit(Kind kind, String tenant, PenInput input, Endpoint endpoint) {
    return submit(kind, tenant, input, endpoint, Context.root());
  }

  /** As {@link #submit(Kind, String, PenInput, Endpoint)}, carrying the request's trace context to Kafka. */
  Future<String> submit(Kind kind, String tenant, PenInput input, Endpoint endpoint, Context trace) {
    Refused refused = refusal(kind);
    if (refused != null) {
      metrics.requests(endpoint, Outcome.REFUSED).increment();
      return Future.failedFuture(refused);
    }
    return processor.submit(kind, tenant, input, trace)
        .onSuccess(id -> metrics.requests(endpoint, Outcome.OK).increment())
        .recover(e -> {
          LOG.warn("publishing to {} failed", kind.topic(), e);
          metrics.requests(endpoint, Outcome.ERROR).increment();
          return Future.failedFuture(new Refused(503, "publishing to " + kind.topic() + " failed: "
              + e.getMessage()));
        });
  }

  /** @return what this replica knows about queries */
  QueryResults results() {
    return results;
  }

  private Refused refusal(Kind kind) {
    if (!ready.getAsBoolean()) {
      return new Refused(503, "capture cannot reach Kafka now (see /health); nothing was published");
    }
    if (kind == Kind.QUERY && results.full()) {
      return new Refused(503, "capture tracks " + QueryResults.MAX_TRACKED_QUERIES + " queries of the last "
          + QueryResults.RETENTION_MINUTES + " minutes already; nothing was published");
    }
    if (kind == Kind.QUERY && results.pending() >= MAX_PENDING_QUERIES) {
      return new Refused(429, results.pending() + " queries wait for classification (bound "
          + MAX_PENDING_QUERIES + "); nothing was published");
    }
    return null;
  }
}
