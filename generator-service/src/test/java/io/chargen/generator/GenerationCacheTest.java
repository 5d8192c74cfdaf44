package io.chargen.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.proto.TenantKeys;
import io.chargen.proto.v1.GeneratedTrajectory;
import io.chargen.proto.v1.StateRow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GenerationCacheTest {
  /** The tenant of trajectories without a tenant field. */
  private static final String D = TenantKeys.DEFAULT_TENANT;

  private static GeneratedTrajectory variant(String id, int i) {
    return GeneratedTrajectory.newBuilder().setRequestId(id).setVariant(i).setSeed(i).build();
  }

  @Test
  @DisplayName("a request is pending until all its variants arrived, then done with them in variant order")
  void pendingThenDone() {
    GenerationCache cache = new GenerationCache();
    cache.expect("default/r", 2);
    assertThat(cache.add(variant("r", 1))).isTrue();
    assertThat(cache.status(D, "r").orElseThrow().getString("status")).isEqualTo("pending");
    cache.add(variant("r", 0));
    JsonObject done = cache.status(D, "r").orElseThrow();
    assertThat(done.getString("status")).isEqualTo("done");
    assertThat(done.getJsonArray("trajectories")).extracting(o -> ((JsonObject) o).getInteger("variant"))
        .containsExactly(0, 1);
  }

  @Test
  @DisplayName("a redelivered variant is not new and does not count twice")
  void deduplicates() {
    GenerationCache cache = new GenerationCache();
    cache.expect("default/r", 2);
    cache.add(variant("r", 0));
    assertThat(cache.add(variant("r", 0))).isFalse();
    assertThat(cache.status(D, "r").orElseThrow().getString("status")).isEqualTo("pending");
  }

  @Test
  @DisplayName("trajectories without a known variant count stay pending; a dead-lettered request is failed")
  void unknownCountAndFailure() {
    GenerationCache cache = new GenerationCache();
    cache.add(variant("r", 0));
    assertThat(cache.status(D, "r").orElseThrow().getString("status")).isEqualTo("pending");
    cache.expect("default/bad", 1);
    cache.fail("default/bad", "mix weights sum to 0.9");
    JsonObject failed = cache.status(D, "bad").orElseThrow();
    assertThat(failed.getString("status")).isEqualTo("failed");
    assertThat(failed.getString("error")).contains("0.9");
  }

  @Test
  @DisplayName("recent trajectories come newest request first, as stream events without LSTM states, at most the limit")
  void recentNewestFirst() {
    GenerationCache cache = new GenerationCache();
    cache.expect("default/old", 1);
    cache.add(variant("old", 0));
    cache.expect("default/new", 2);
    cache.add(variant("new", 0).toBuilder().addCell(StateRow.newBuilder().addValues(0.5f))
        .addHidden(StateRow.newBuilder().addValues(0.5f)).build());
    cache.add(variant("new", 1));

    JsonArray recent = cache.recent(D, 2);
    assertThat(recent).extracting(o -> ((JsonObject) o).getString("id") + "/" + ((JsonObject) o).getInteger("variant"))
        .containsExactly("new/1", "new/0");
    JsonObject event = recent.getJsonObject(1);
    assertThat(event.getString("type")).isEqualTo("trajectory");
    assertThat(event.containsKey("cell")).as("states stay in GET /v1/generations/{id}").isFalse();
    assertThat(cache.recent(D, 10)).hasSize(3);
  }

  @Test
  @DisplayName("beyond its capacity the oldest request is dropped and unknown ids are empty")
  void bounded() {
    GenerationCache cache = new GenerationCache(2, Long.MAX_VALUE);
    cache.expect("default/r1", 1);
    cache.expect("default/r2", 1);
    cache.expect("default/r3", 1);
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.status(D, "r1")).isEmpty();
    assertThat(cache.status(D, "r3")).isPresent();
  }

  @Test
  @DisplayName("the cache is bounded in bytes: large generations push the oldest out, and pending counts the waiting")
  void boundedInBytes() {
    GeneratedTrajectory big = GeneratedTrajectory.newBuilder().setRequestId("big1").setVariant(0)
        .addCell(io.chargen.proto.v1.StateRow.newBuilder().addAllValues(java.util.Collections.nCopies(1000, 1f)))
        .build();
    long size = big.getSerializedSize();
    GenerationCache cache = new GenerationCache(100, 2 * size + size / 2);
    cache.expect("default/big1", 1);
    cache.expect("default/big2", 1);
    cache.expect("default/big3", 2);
    assertThat(cache.pending()).isEqualTo(3);
    cache.add(big);
    cache.add(big.toBuilder().setRequestId("big2").build());
    cache.add(big.toBuilder().setRequestId("big3").build());
    assertThat(cache.bytes()).isLessThanOrEqualTo(2 * size + size / 2);
    assertThat(cache.status(D, "big1")).as("the oldest went to make room").isEmpty();
    assertThat(cache.status(D, "big3")).isPresent();
    assertThat(cache.pending()).as("big3 waits for its second variant").isEqualTo(1);
  }

  @Test
  @DisplayName("a tenant finds and lists only its own generations, however the ids compare")
  void tenantsSeeTheirOwn() {
    GenerationCache cache = new GenerationCache();
    cache.expect("school-a/r", 1);
    cache.add(variant("r", 0).toBuilder().setTenant("school-a").build());
    assertThat(cache.status("school-a", "r")).isPresent();
    assertThat(cache.status("school-b", "r")).as("same id, other tenant").isEmpty();
    assertThat(cache.recent("school-a", 10)).hasSize(1);
    assertThat(cache.recent("school-b", 10)).isEmpty();
    assertThat(cache.recent("school", 10)).as("a tenant whose id is a prefix of another's").isEmpty();
  }
}
