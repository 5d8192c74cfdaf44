package io.chargen.generator;

import io.chargen.proto.TenantKeys;
import io.chargen.proto.v1.GeneratedTrajectory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The recent generations this replica has seen, for {@code GET /v1/generations/{id}}: per request id the number of
 * variants asked for (from the request topic, or from this replica's own POST), the trajectories read from
 * {@code chargen.generations} (deduplicated by variant, so a redelivered request does not count twice) and the error
 * if the request was dead-lettered. Requests are held under their tenant-scoped key ({@link TenantKeys}, as on the
 * topics): a tenant finds and lists only its own. Bounded in bytes, not only in count: a request with LSTM states is a thousand
 * times larger than a plain one, so the oldest requests are dropped while the trajectories held exceed
 * {@link #MAX_BYTES} (serialized size) or more than {@link #MAX_REQUESTS} requests are held. Thread-safe.
 */
public final class GenerationCache {
  /** Requests kept at most. */
  public static final int MAX_REQUESTS = 10_000;
  /**
   * Trajectory bytes kept at most: 64 MiB of protobuf (~2.5× that on the heap as objects), a tenth of the
   * generator's 1 GiB pod limit; at least 16 of the largest requests the budget allows ({@link GenerationBudget}).
   */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  private final int capacity;
  private final long maxBytes;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private long bytes;

  private static final class Entry {
    private Integer expected;
    private final TreeMap<Integer, GeneratedTrajectory> variants = new TreeMap<>();
    private String error;
    private long bytes;

    boolean done() {
      return expected != null && variants.size() >= expected;
    }
  }

  /** A cache of {@link #MAX_REQUESTS} requests and {@link #MAX_BYTES} bytes. */
  public GenerationCache() {
    this(MAX_REQUESTS, MAX_BYTES);
  }

  /** @param capacity requests kept @param maxBytes trajectory bytes kept */
  GenerationCache(int capacity, long maxBytes) {
    this.capacity = capacity;
    this.maxBytes = maxBytes;
  }

  /**
   * @param key a request's tenant-scoped key
   * @param variants trajectories it will produce
   */
  public synchronized void expect(String key, int variants) {
    entry(key).expected = Math.max(1, variants);
    evict();
  }

  /**
   * @param trajectory a generated trajectory
   * @return whether it was new (not a redelivered copy of a variant already held)
   */
  public synchronized boolean add(GeneratedTrajectory trajectory) {
    Entry e = entry(TenantKeys.key(TenantKeys.tenantOf(trajectory.getTenant()), trajectory.getRequestId()));
    boolean added = e.variants.putIfAbsent(trajectory.getVariant(), trajectory) == null;
    if (added) {
      long size = trajectory.getSerializedSize();
      e.bytes += size;
      bytes += size;
      evict();
    }
    return added;
  }

  /**
   * @param key the tenant-scoped key of a request that went to the dead-letter topic
   * @param error the error header
   */
  public synchronized void fail(String key, String error) {
    entry(key).error = error;
  }

  /** @return the number of requests held */
  public synchronized int size() {
    return entries.size();
  }

  /** @return the serialized bytes of the trajectories held */
  public synchronized long bytes() {
    return bytes;
  }

  /** @return requests expected, not done and not failed: the generation backlog */
  public synchronized int pending() {
    int pending = 0;
    for (Entry e : entries.values()) {
      if (e.expected != null && !e.done() && e.error == null) {
        pending++;
      }
    }
    return pending;
  }

  /**
   * @param tenant the asking tenant
   * @param id a request id
   * @return {@code {"id", "status": "done"|"pending"|"failed", "variants"?, "error"?, "trajectories": […]}} (those
   *     already there while pending), empty for an id this replica has not seen (or has dropped) or another tenant's
   */
  public synchronized Optional<JsonObject> status(String tenant, String id) {
    Entry e = entries.get(TenantKeys.key(tenant, id));
    if (e == null) {
      return Optional.empty();
    }
    JsonArray trajectories = new JsonArray();
    e.variants.values().forEach(t -> trajectories.add(GenerationJson.trajectory(t)));
    boolean done = e.done();
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
   * @param tenant the asking tenant
   * @param limit the most trajectories returned
   * @return the tenant's newest trajectories held, newest request first and its variants last-first, as stream
   *     events ({@link GenerationJson#trajectoryEvent}) without their LSTM states, which {@link #status} has
   */
  public synchronized JsonArray recent(String tenant, int limit) {
    JsonArray events = new JsonArray();
    String prefix = TenantKeys.key(tenant, "x").substring(0, tenant.length() + 1);
    List<Entry> newestFirst = new ArrayList<>();
    entries.forEach((key, entry) -> {
      if (key.startsWith(prefix)) {
        newestFirst.add(entry);
      }
    });
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

  /** Drops the oldest requests while over either bound; the newest request always stays. */
  private void evict() {
    Iterator<Entry> it = entries.values().iterator();
    while ((bytes > maxBytes || entries.size() > capacity) && entries.size() > 1 && it.hasNext()) {
      Entry eldest = it.next();
      bytes -= eldest.bytes;
      it.remove();
    }
  }
}
