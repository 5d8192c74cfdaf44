package io.chargen.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Waits until a broker is really serving: an Admin client sees it in the cluster metadata. */
final class BrokerReadiness {

  private static final Logger LOG = LoggerFactory.getLogger(BrokerReadiness.class);

  /** Poll interval: start-up takes seconds, so a tenth of one costs nothing noticeable. */
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  /** One describeCluster round trip on loopback; kept short so a retry follows soon after a refused connection. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private BrokerReadiness() {
  }

  /** Returns once {@code describeCluster} lists a broker, or throws after {@code timeout}. */
  static void await(String bootstrapServers, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int requestTimeoutMs = (int) REQUEST_TIMEOUT.toMillis();
    Map<String, Object> config = Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, requestTimeoutMs);
    try (Admin admin = Admin.create(config)) {
      Exception last = null;
      while (System.nanoTime() < deadline) {
        try {
          if (!admin.describeCluster().nodes().get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          last = e;
          LOG.debug("Broker at {} not ready yet: {}", bootstrapServers, e.toString());
        }
        Thread.sleep(POLL_INTERVAL.toMillis());
      }
      throw new IllegalStateException("Broker at " + bootstrapServers + " not ready within " + timeout, last);
    }
  }
}
