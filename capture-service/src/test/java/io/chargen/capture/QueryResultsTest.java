package io.chargen.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.capture.QueryResults.State;
import io.chargen.proto.v1.ClassificationResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QueryResultsTest {
  @Test
  @DisplayName("an id is unknown, then pending, then answered; a late query record does not undo the answer")
  void movesThroughStates() {
    QueryResults results = new QueryResults();
    assertThat(results.state("q")).isEqualTo(State.UNKNOWN);
    results.pending("q");
    assertThat(results.state("q")).isEqualTo(State.PENDING);
    results.answered(result("q"));
    results.pending("q");
    assertThat(results.state("q")).isEqualTo(State.ANSWERED);
    assertThat(results.result("q")).contains(result("q"));
  }

  @Test
  @DisplayName("only the most recent ids are kept: the oldest is forgotten first")
  void evictsOldest() {
    QueryResults results = new QueryResults(2);
    results.pending("a");
    results.pending("b");
    results.answered(result("c"));
    assertThat(results.state("a")).isEqualTo(State.UNKNOWN);
    assertThat(results.size()).isEqualTo(2);
  }

  @Test
  @DisplayName("a waiter is called once with the answer, at once if it is already there, never after cancelling")
  void callsWaiters() {
    QueryResults results = new QueryResults();
    List<String> calls = new ArrayList<>();
    results.onAnswer("q", r -> calls.add("first " + r.getQueryId()));
    Runnable cancel = results.onAnswer("q", r -> calls.add("cancelled"));
    cancel.run();
    results.answered(result("q"));
    results.answered(result("q"));
    results.onAnswer("q", r -> calls.add("late " + r.getQueryId()));
    assertThat(calls).containsExactly("first q", "late q");
  }

  static ClassificationResult result(String id) {
    return ClassificationResult.newBuilder().setSchemaVersion(1).setQueryId(id).setLabel("a").build();
  }
}
