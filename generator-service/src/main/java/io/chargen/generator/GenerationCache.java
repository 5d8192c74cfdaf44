package io.chargen.generator;

import io.chargen.proto.v1.GeneratedTrajectory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The recent generations this replica has seen, for {@code GET /v1/generations/{id}}: per request id the number of
 * variants asked for (from the request topic, or from this replica's own POST), the trajectories read from
 * {@code chargen.generations} (deduplicated by variant, so a redelivered request does not count twice) and the error
 * if the request was dead-lettered. Bounded: the oldest request is dropped beyond {@link #MAX_REQUESTS}. Thread-safe.
 */
public final class GenerationCache {
  /**
   * Requests kept: a dashboard polls a result within seconds, and 2,000 default-sized requests (one 40-step
   * trajectory, ~1 KB) stay around 2 MB.
   */
  public static final int MAX_REQUESTS = 2_000;

  private final int capacity;
  private final Map<String, Entry> entries;

  private static final class Entry {
    private Integer expected;
    private final TreeMap<Integer, GeneratedTrajectory> variants = new TreeMap<>();
    private String error;
  }

  /** A cache of {@link #MAX_REQUESTS}. */
  public GenerationCache() {
    this(MAX_REQUESTS);
  }

  /** @param capacity requests kept */
  GenerationCache(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > GenerationCache.this.capacity;
      }
    };
  }

  /**
   * @param id a request id
   * @param variants trajectories it will produce
   */
  public synchronized void expect(String id, int variants) {
    entry(id).expected = Math.max(1, variants);
  }

  /**
   * @param trajectory a generated trajectory
   * @return whether it was new (not a redelivered copy of a variant already held)
   */
  public synchronized boolean add(GeneratedTrajectory trajectory) {
    return entry(trajectory.getRequestId()).variants.putIfAbsent(trajectory.getVariant(), trajectory) == null;
  }

  /**
   * @param id a request id that went to the dead-letter topic
   * @param error the error header
   */
  public synchronized void fail(String id, String error) {
    entry(id).error = error;
  }

  /** @return the number of requests held */
  public synchronized int size() {
    return entries.size();
  }

  /**
   * @param id a request id
   * @return {@code {"id", "status": "done"|"pending"|"failed", "variants"?, "error"?, "trajectories": […]}} (those
   *     already there while pending), empty
   *     for an id this replica has not seen (or has dropped)
   */
  public synchronized Optional<JsonObject> status(String id) {
    Entry e = entries.get(id);
    if (e == null) {
      return Optional.empty();
    }
    JsonArray trajectories = new JsonArray();
    e.variants.values().forEach(t -> trajectories.add(GenerationJson.trajectory(t)));
    boolean done = e.expected != null && e.variants.size() >= e.expected;
    String status = done ? "done" : e.error != null ? "failed" : "pending";
    JsonObject json = new JsonObject().put("id", id).put("status", status).put("variants", e.expected);
    if (e.error != null && !done) {
      json.put("error", e.error);
    }
    return Optional.of(json.put("trajectories", trajectories));
  }

  /**
   * What a dashboard opened now shows in its live feed before new trajectories stream in.
   *
   * @param limit the most trajectories returned
   * @return the newest trajectories held, newest request first and its variants last-first, as stream events
   *     ({@link GenerationJson#trajectoryEvent}) without their LSTM states, which {@link #status} has
   */
  public synchronized JsonArray recent(int limit) {
    JsonArray events = new JsonArray();
    List<Entry> newestFirst = new ArrayList<>(entries.values());
    Collections.reverse(newestFirst);
    for (Entry e : newestFirst) {
      for (GeneratedTrajectory t : e.variants.descendingMap().values()) {
        if (events.size() >= limit) {
          return events;
        }
        events.add(GenerationJson.trajectoryEvent(t.toBuilder().clearCell().clearHidden().build()));
      }
    }
    return events;
  }

  private Entry entry(String id) {
    return entries.computeIfAbsent(id, k -> new Entry());
  }
}
