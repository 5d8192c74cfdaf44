package io.chargen.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.capture.QueryResults.State;
import io.chargen.proto.TenantKeys;
import io.chargen.proto.v1.ClassificationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QueryResultsTest {
  /** Results are held under the tenant-scoped key of the query, as the topics key it. */
  private static final String Q = TenantKeys.key(TenantKeys.DEFAULT_TENANT, "q");
  @Test
  @DisplayName("an id is unknown, then pending, then answered; a late query record does not undo the answer")
  void movesThroughStates() {
    QueryResults results = new QueryResults();
    assertThat(results.state(Q)).isEqualTo(State.UNKNOWN);
    results.pending(Q);
    assertThat(results.state(Q)).isEqualTo(State.PENDING);
    results.answered(result("q"));
    results.pending(Q);
    assertThat(results.state(Q)).isEqualTo(State.ANSWERED);
    assertThat(results.answer(Q)).map(QueryResults.Answer::result).contains(result("q"));
  }

  @Test
  @DisplayName("an id is kept for the retention, then forgotten; at capacity within the retention it is full")
  void keepsForRetention() {
    long[] now = {0};
    QueryResults results = new QueryResults(2, Duration.ofMinutes(10), () -> now[0]);
    results.pending("a");
    now[0] = Duration.ofMinutes(5).toNanos();
    results.pending("b");
    assertThat(results.full()).as("two ids younger than 10 minutes fill a capacity of 2").isTrue();
    assertThat(results.pending()).isEqualTo(2);
    now[0] = Duration.ofMinutes(11).toNanos();
    assertThat(results.full()).as("a expired").isFalse();
    assertThat(results.state("a")).isEqualTo(State.UNKNOWN);
    assertThat(results.state("b")).isEqualTo(State.PENDING);
    assertThat(results.pending()).isEqualTo(1);
  }

  @Test
  @DisplayName("a dead-lettered query is failed with its error, and no longer counts as pending")
  void failsWithError() {
    QueryResults results = new QueryResults();
    List<String> calls = new ArrayList<>();
    results.pending(Q);
    results.onAnswer(Q, a -> calls.add(a.error()));
    results.failed(Q, "no concepts learned yet");
    assertThat(results.state(Q)).isEqualTo(State.FAILED);
    assertThat(results.pending()).isZero();
    assertThat(calls).containsExactly("no concepts learned yet");
  }

  @Test
  @DisplayName("a waiter is called once with the answer, at once if it is already there, never after cancelling")
  void callsWaiters() {
    QueryResults results = new QueryResults();
    List<String> calls = new ArrayList<>();
    results.onAnswer(Q, r -> calls.add("first " + r.result().getQueryId()));
    Runnable cancel = results.onAnswer(Q, r -> calls.add("cancelled"));
    cancel.run();
    results.answered(result("q"));
    results.answered(result("q"));
    results.onAnswer(Q, r -> calls.add("late " + r.result().getQueryId()));
    assertThat(calls).containsExactly("first q", "late q");
  }

  static ClassificationResult result(String id) {
    return ClassificationResult.newBuilder().setSchemaVersion(1).setQueryId(id).setLabel("a").build();
  }
}
