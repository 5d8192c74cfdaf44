package io.chargen.capture;

import io.chargen.proto.TenantKeys;
import io.chargen.proto.v1.ClassificationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What this replica knows about queries, for {@value #RETENTION_MINUTES} minutes after each was published: pending,
 * answered, or failed with the error its dead letter carries. Fed by this replica's own publishes and by the
 * group-less reader of {@code chargen.queries}, {@code chargen.classifications} and {@code chargen.queries.dlq}, so
 * every replica answers for every query. Bounded twice: an id is kept for the retention (then forgotten, so a later
 * GET answers 404 "expired or unknown"), and at most {@link #capacity} ids are held: when that many are younger than
 * the retention, {@link #full()} is true and capture refuses new queries (503) rather than forget accepted ones.
 * {@link #pending()} counts unanswered queries: the classification backlog capture's backpressure reads.
 * Thread-safe.
 */
public final class QueryResults {
  /** How long an accepted query's id is answerable. */
  public static final int RETENTION_MINUTES = 10;
  /** Ids held at most: 10 minutes at 80 queries/s; an answered entry is a few hundred bytes, so ~25 MB. */
  public static final int MAX_TRACKED_QUERIES = 50_000;

  /** The state of a query id. */
  public enum State { UNKNOWN, PENDING, ANSWERED, FAILED }

  /**
   * How a query ended.
   *
   * @param result the classification, null if it failed
   * @param error why it failed, null if answered
   */
  public record Answer(ClassificationResult result, String error) {}

  private record Entry(long publishedNanos, Answer answer) {}

  private final int capacity;
  private final long retentionNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Map<String, List<Consumer<Answer>>> waiters = new HashMap<>();
  private int pending;

  /** Tracks {@value #MAX_TRACKED_QUERIES} ids for {@value #RETENTION_MINUTES} minutes. */
  public QueryResults() {
    this(MAX_TRACKED_QUERIES, Duration.ofMinutes(RETENTION_MINUTES), System::nanoTime);
  }

  /** @param capacity most ids @param retention how long an id is kept @param nanoTime the clock */
  QueryResults(int capacity, Duration retention, LongSupplier nanoTime) {
    this.capacity = capacity;
    this.retentionNanos = retention.toNanos();
    this.nanoTime = nanoTime;
  }

  /** @param id a query known to be published; no-op if already known */
  public synchronized void pending(String id) {
    expire();
    if (!entries.containsKey(id)) {
      entries.put(id, new Entry(nanoTime.getAsLong(), null));
      pending++;
    }
  }

  /** @param result an answer; waiters for its query id are called (outside the lock) and forgotten */
  public void answered(ClassificationResult result) {
    finish(TenantKeys.key(TenantKeys.tenantOf(result.getTenant()), result.getQueryId()), new Answer(result, null));
  }

  /** @param id a query that was dead-lettered @param error the error header */
  public void failed(String id, String error) {
    finish(id, new Answer(null, error));
  }

  /** @return whether capacity ids younger than the retention are held: refuse new queries */
  public synchronized boolean full() {
    expire();
    return entries.size() >= capacity;
  }

  /** @return queries published and not yet answered or failed */
  public synchronized int pending() {
    return pending;
  }

  /**
   * @param id a query id
   * @return whether it is unknown (never seen, or expired), pending, answered or failed
   */
  public synchronized State state(String id) {
    Entry entry = entries.get(id);
    if (entry == null) {
      return State.UNKNOWN;
    }
    return entry.answer() == null ? State.PENDING : entry.answer().result() != null ? State.ANSWERED : State.FAILED;
  }

  /** @param id a query id @return its answer or failure, if any */
  public synchronized Optional<Answer> answer(String id) {
    Entry entry = entries.get(id);
    return entry == null ? Optional.empty() : Optional.ofNullable(entry.answer());
  }

  /**
   * Calls {@code waiter} once with the answer to {@code id}: now if known, else when it arrives.
   *
   * @param id a query id
   * @param waiter the callback
   * @return cancels the wait (e.g. when the WebSocket closes)
   */
  public Runnable onAnswer(String id, Consumer<Answer> waiter) {
    Optional<Answer> now;
    synchronized (this) {
      now = answer(id);
      if (now.isEmpty()) {
        waiters.computeIfAbsent(id, k -> new ArrayList<>()).add(waiter);
      }
    }
    now.ifPresent(waiter);
    return () -> cancel(id, waiter);
  }

  /** @return the ids tracked */
  public synchronized int size() {
    return entries.size();
  }

  private void finish(String id, Answer answer) {
    List<Consumer<Answer>> called;
    synchronized (this) {
      Entry known = entries.get(id);
      if (known != null && known.answer() == null) {
        pending--;
      }
      // An answer to an id never seen pending (published before this replica started) is kept all the same.
      entries.put(id, new Entry(known == null ? nanoTime.getAsLong() : known.publishedNanos(), answer));
      called = waiters.remove(id);
    }
    if (called != null) {
      called.forEach(w -> w.accept(answer));
    }
  }

  /** Forgets ids older than the retention: the oldest come first (insertion order). */
  private void expire() {
    long now = nanoTime.getAsLong();
    Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Entry> eldest = it.next();
      if (now - eldest.getValue().publishedNanos() < retentionNanos) {
        return;
      }
      if (eldest.getValue().answer() == null) {
        pending--;
      }
      it.remove();
    }
  }

  private synchronized void cancel(String id, Consumer<Answer> waiter) {
    List<Consumer<Answer>> list = waiters.get(id);
    if (list != null && list.remove(waiter) && list.isEmpty()) {
      waiters.remove(id);
    }
  }
}
