package io.chargen.capture;

import io.chargen.proto.v1.ClassificationResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What this replica knows about queries: the last {@value #MAX_TRACKED_QUERIES} ids, each pending or answered, and
 * who waits for an answer. Fed by this replica's own publishes and by the group-less reader of {@code
 * chargen.queries} and {@code chargen.classifications}, so every replica answers for every query. Thread-safe.
 */
public final class QueryResults {
  /** Ids kept: at ~100 queries/s, 100 s of history; an entry is a result of a few hundred bytes. */
  public static final int MAX_TRACKED_QUERIES = 10_000;

  /** The state of a query id. */
  public enum State { UNKNOWN, PENDING, ANSWERED }

  private final int capacity;
  private final Map<String, Optional<ClassificationResult>> entries;
  private final Map<String, List<Consumer<ClassificationResult>>> waiters = new HashMap<>();

  /** Tracks {@value #MAX_TRACKED_QUERIES} ids. */
  public QueryResults() {
    this(MAX_TRACKED_QUERIES);
  }

  /** @param capacity the most ids kept; the oldest one is forgotten first */
  QueryResults(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Optional<ClassificationResult>> eldest) {
        return size() > QueryResults.this.capacity;
      }
    };
  }

  /** @param id a query known to be published; no-op if already known */
  public synchronized void pending(String id) {
    entries.putIfAbsent(id, Optional.empty());
  }

  /** @param result an answer; waiters for its query id are called (outside the lock) and forgotten */
  public void answered(ClassificationResult result) {
    List<Consumer<ClassificationResult>> called;
    synchronized (this) {
      entries.put(result.getQueryId(), Optional.of(result));
      called = waiters.remove(result.getQueryId());
    }
    if (called != null) {
      called.forEach(w -> w.accept(result));
    }
  }

  /**
   * @param id a query id
   * @return whether it is unknown (never seen, or forgotten), pending or answered
   */
  public synchronized State state(String id) {
    Optional<ClassificationResult> entry = entries.get(id);
    return entry == null ? State.UNKNOWN : entry.isPresent() ? State.ANSWERED : State.PENDING;
  }

  /**
   * @param id a query id
   * @return its answer, if any
   */
  public synchronized Optional<ClassificationResult> result(String id) {
    return entries.getOrDefault(id, Optional.empty());
  }

  /**
   * Calls {@code waiter} once with the answer to {@code id}: now if answered, else when it arrives.
   *
   * @param id a query id
   * @param waiter the callback
   * @return cancels the wait (e.g. when the WebSocket closes)
   */
  public Runnable onAnswer(String id, Consumer<ClassificationResult> waiter) {
    Optional<ClassificationResult> now;
    synchronized (this) {
      now = result(id);
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

  private synchronized void cancel(String id, Consumer<ClassificationResult> waiter) {
    List<Consumer<ClassificationResult>> list = waiters.get(id);
    if (list != null && list.remove(waiter) && list.isEmpty()) {
      waiters.remove(id);
    }
  }
}
