package io.chargen.service;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Named up/down checks behind {@code GET /health}: the service is UP only when every check is, e.g. {@code consumer}
 * (the record loop is subscribed and running) and {@code concepts} (the concept store caught up).
 */
public final class HealthChecks {
  private final Map<String, BooleanSupplier> checks = new ConcurrentHashMap<>();

  /**
   * @param name the check's name in the JSON
   * @param up whether it is up; called on every request, so cheap
   * @return this
   */
  public HealthChecks add(String name, BooleanSupplier up) {
    checks.put(name, up);
    return this;
  }

  /** @return whether every check is up */
  public boolean up() {
    return checks.values().stream().allMatch(BooleanSupplier::getAsBoolean);
  }

  /** @return {@code {"status": "UP"|"DOWN", "checks": {name: "UP"|"DOWN"}}} */
  public JsonObject toJson() {
    JsonObject details = new JsonObject();
    boolean all = true;
    for (Map.Entry<String, BooleanSupplier> check : new TreeMap<>(checks).entrySet()) {
      boolean up = check.getValue().getAsBoolean();
      all &= up;
      details.put(check.getKey(), up ? "UP" : "DOWN");
    }
    return new JsonObject().put("status", all ? "UP" : "DOWN").put("checks", details);
  }
}
