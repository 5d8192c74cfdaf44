package io.chargen.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks TCP ports on the loopback interface that are free right now. All requested ports are held open together
 * before any is released, so one call never returns the same port twice.
 */
public final class FreePorts {

  private FreePorts() {
  }

  /**
   * Returns {@code count} distinct loopback ports that the operating system reported free.
   *
   * @throws IllegalArgumentException if {@code count} is not positive
   */
  public static int[] pick(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive, was " + count);
    }
    List<ServerSocket> held = new ArrayList<>(count);
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        socket.setReuseAddress(true);
        held.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("No free loopback port", e);
    } finally {
      held.forEach(FreePorts::release);
    }
  }

  private static void release(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not release port " + socket.getLocalPort(), e);
    }
  }
}
