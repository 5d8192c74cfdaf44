package io.chargen.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BrokerContactTest {
  private long now;
  private final BrokerContact contact = new BrokerContact(() -> now);

  @Test
  @DisplayName("UP while the broker answered within 6 s, DOWN after, UP again at the next contact")
  void ageDecides() {
    assertThat(contact.up()).as("a starting service is not DOWN at once").isTrue();
    now += Duration.ofSeconds(6).toNanos();
    assertThat(contact.up()).isTrue();
    now += Duration.ofMillis(1).toNanos();
    assertThat(contact.up()).isFalse();
    contact.reached();
    assertThat(contact.up()).isTrue();
  }

  @Test
  @DisplayName("a probe is due once nothing showed contact for 2 s")
  void probeInterval() {
    now += Duration.ofMillis(1_999).toNanos();
    assertThat(contact.probeDue()).isFalse();
    now += Duration.ofMillis(1).toNanos();
    assertThat(contact.probeDue()).isTrue();
  }
}
