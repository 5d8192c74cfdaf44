package io.chargen.service;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one record through its handler under the {@link FailurePolicy}: success is counted; a transient failure is
 * retried after the policy's backoff (on a Vert.x timer, so the event loop stays free); a bad record or exhausted
 * retries go to the dead-letter topic; a fatal error, or a dead letter that cannot be written, fails the returned
 * future with a {@link FatalException}-classified cause. The handler's call and the lines logged here run with the
 * record's {@link RecordMdc} (position, key, trace).
 */
final class RecordAttempts {
  private static final Logger LOG = LoggerFactory.getLogger(RecordAttempts.class);

  private final Vertx vertx;
  private final RecordHandler handler;
  private final FailurePolicy policy;
  private final DeadLetters deadLetters;
  private final LoopMetrics metrics;
  private final BooleanSupplier stopping;
  private final Tracing tracing;

  RecordAttempts(Vertx vertx, RecordHandler handler, FailurePolicy policy, DeadLetters deadLetters,
      LoopMetrics metrics, BooleanSupplier stopping, Tracing tracing) {
    this.vertx = vertx;
    this.handler = handler;
    this.policy = policy;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.stopping = stopping;
    this.tracing = tracing;
  }

  /** Raised instead of another retry when the loop is stopping: the record stays uncommitted for the next owner. */
  static final class Stopping extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopping() {
      super("stopping", null, false, false);
    }
  }

  /**
   * @param record the record
   * @return completes once the record is processed or dead-lettered; fails on a fatal error or when stopping
   */
  Future<Void> process(ConsumerRecord<String, byte[]> record) {
    Span span = tracing.startProcessing(record.topic(), record.headers());
    SpanContext trace = span.getSpanContext();
    Future<Void> done;
    if (record.value() == null) { // a tombstone on an input topic can never be processed: no retries
      done = onFailure(record, trace, 1, new BadRecordException("value is null (a tombstone); " + record.topic()
          + " carries messages, never deletions"));
    } else {
      done = attempt(record, trace, 1);
    }
    return done.onComplete(ar -> {
      if (ar.failed()) {
        span.setStatus(StatusCode.ERROR);
      }
      span.end();
    });
  }

  private Future<Void> attempt(ConsumerRecord<String, byte[]> record, SpanContext trace, int attempt) {
    Future<Void> result;
    try {
      result = RecordMdc.call(record, trace, () -> handler.handle(record));
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    return result.transform(ar -> {
      if (ar.succeeded()) {
        metrics.records(RecordOutcome.OK).increment();
        return Future.<Void>succeededFuture();
      }
      return onFailure(record, trace, attempt, ar.cause());
    });
  }

  private Future<Void> onFailure(ConsumerRecord<String, byte[]> record, SpanContext trace, int attempt,
      Throwable error) {
    FailurePolicy.Decision decision = policy.decide(error, attempt);
    if (decision instanceof FailurePolicy.Retry retry) {
      RecordMdc.run(record, trace, () -> LOG.warn("{} attempt {} failed, retrying in {} ms: {}", position(record),
          attempt, retry.delay().toMillis(), FailurePolicy.describe(error)));
      metrics.retries().increment();
      return after(retry.delay().toMillis()).compose(v -> stopping.getAsBoolean()
          ? Future.failedFuture(new Stopping()) : attempt(record, trace, attempt + 1));
    }
    if (decision instanceof FailurePolicy.DeadLetter dead) {
      RecordMdc.run(record, trace, () -> LOG.warn("{} goes to the dead-letter topic ({}): {}", position(record),
          dead.outcome().tag(), dead.reason(), error));
      return deadLetters.send(record, dead.reason())
          .onSuccess(v -> metrics.records(dead.outcome()).increment())
          .recover(e -> Future.failedFuture(
              new FatalException("cannot write dead letter of " + position(record) + " to " + record.topic() + ".dlq", e)));
    }
    RecordMdc.run(record, trace, () -> LOG.error("{} failed fatally", position(record), error));
    return Future.failedFuture(error);
  }

  private Future<Void> after(long millis) {
    Promise<Void> promise = Promise.promise();
    vertx.setTimer(Math.max(1, millis), id -> promise.complete());
    return promise.future();
  }

  /** @return {@code topic-partition@offset key=…}: where a log line's record is, and its key (cut at 64) */
  static String position(ConsumerRecord<?, ?> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset() + " key=" + RecordMdc.key(record);
  }
}
