package io.chargen.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {
  private final FailurePolicy policy = new FailurePolicy(3, Duration.ofMillis(100), Duration.ofMillis(250));

  @Test
  @DisplayName("a bad record is dead-lettered at once as invalid, with its message as the reason")
  void badRecord() {
    FailurePolicy.Decision d = policy.decide(new BadRecordException("points has 0 values"), 1);
    assertThat(d).isEqualTo(new FailurePolicy.DeadLetter(RecordOutcome.INVALID, "points has 0 values"));
  }

  @Test
  @DisplayName("a bad record wrapped in another exception is still found")
  void wrappedBadRecord() {
    var d = policy.decide(new CompletionException(new BadRecordException("label is empty")), 1);
    assertThat(d).isInstanceOf(FailurePolicy.DeadLetter.class);
  }

  @Test
  @DisplayName("a transient failure is retried with doubling backoff, capped, then dead-lettered as error")
  void transientFailure() {
    RuntimeException timeout = new IllegalStateException("broker timeout");
    assertThat(policy.decide(timeout, 1)).isEqualTo(new FailurePolicy.Retry(Duration.ofMillis(100)));
    assertThat(policy.decide(timeout, 2)).isEqualTo(new FailurePolicy.Retry(Duration.ofMillis(200)));
    FailurePolicy.Decision last = policy.decide(timeout, 3);
    assertThat(last).isInstanceOf(FailurePolicy.DeadLetter.class);
    assertThat(((FailurePolicy.DeadLetter) last).outcome()).isEqualTo(RecordOutcome.ERROR);
    assertThat(((FailurePolicy.DeadLetter) last).reason()).contains("3 attempts", "broker timeout");
    assertThat(policy.backoff(10)).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  @DisplayName("our fatal errors, authentication, authorization and unsupported versions stop the service")
  void fatal() {
    assertThat(policy.decide(new FatalException("model gone"), 1)).isInstanceOf(FailurePolicy.Fatal.class);
    assertThat(policy.decide(new SaslAuthenticationException("bad password"), 1))
        .isInstanceOf(FailurePolicy.Fatal.class);
    assertThat(policy.decide(new TopicAuthorizationException("no ACL"), 1)).isInstanceOf(FailurePolicy.Fatal.class);
    assertThat(policy.decide(new RuntimeException(new UnsupportedVersionException("old broker")), 1))
        .isInstanceOf(FailurePolicy.Fatal.class);
  }

  @Test
  @DisplayName("a policy without attempts or with an inverted backoff range is rejected")
  void invalidPolicy() {
    assertThatThrownBy(() -> new FailurePolicy(0, Duration.ZERO, Duration.ZERO))
        .hasMessage("maxAttempts must be >= 1, got 0");
    assertThatThrownBy(() -> new FailurePolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("is not a range");
  }
}
