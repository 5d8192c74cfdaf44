package io.chargen.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  @DisplayName("pick returns distinct ports in the unprivileged range")
  void picksDistinctPorts() {
    int[] ports = FreePorts.pick(5);

    assertThat(ports).hasSize(5).doesNotHaveDuplicates();
    assertThat(Arrays.stream(ports)).allSatisfy(port -> assertThat(port).isBetween(1024, 65_535));
  }

  @Test
  @DisplayName("a picked port is released and can be bound on loopback")
  void pickedPortIsBindable() throws IOException {
    int port = FreePorts.pick(1)[0];

    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(socket.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  @DisplayName("pick rejects a count below one, naming it")
  void rejectsNonPositiveCount() {
    assertThatIllegalArgumentException().isThrownBy(() -> FreePorts.pick(0))
        .withMessage("count must be positive, was 0");
  }
}
