package io.chargen.service;

import io.chargen.service.security.AuthConfig;
import io.chargen.service.security.OriginGuard;
import io.chargen.service.security.TenantRateLimiter;
import java.util.Arrays;
import java.util.List;

/**
 * How a service listens and whom it lets in (issue 12), read once from the environment like {@link KafkaSettings}:
 * <ul>
 *   <li>{@value #HOST} (default {@value #DEFAULT_HOST}: every interface, as a container needs; {@code chargen up}
 *   sets {@code 127.0.0.1}) and {@value #PORT} (the service's default; 0 picks a free port): the API, WebSockets,
 *   pages, {@code /health} and the published documents;</li>
 *   <li>{@value #MANAGEMENT_PORT} (default {@value #DEFAULT_MANAGEMENT_PORT}; 0 picks one): {@code /metrics} and the
 *   health checks on a port of their own, which no Ingress routes and the NetworkPolicy opens to Prometheus only;</li>
 *   <li>{@value OriginGuard#ALLOWED_ORIGINS}: browser origins besides the service's own (CORS and WebSocket
 *   upgrades); {@value TenantRateLimiter#RATE} and {@value TenantRateLimiter#BURST}: each tenant's token bucket;</li>
 *   <li>the token verification key and claims ({@link AuthConfig}), read last: without a key the service does not
 *   start.</li>
 * </ul>
 *
 * @param host the interface the HTTP servers bind
 * @param port the API port
 * @param managementPort the port of {@code /metrics}
 * @param allowedOrigins origins allowed besides the service's own, each {@code scheme://host[:port]}
 * @param ratePerMinute requests per minute per tenant
 * @param burst requests a tenant may make at once
 * @param auth how bearer tokens are verified
 */
public record HttpSettings(String host, int port, int managementPort, List<String> allowedOrigins,
    int ratePerMinute, int burst, AuthConfig auth) {
  /** The interface to bind. */
  public static final String HOST = "CHARGEN_HTTP_HOST";
  /** The API port. */
  public static final String PORT = "CHARGEN_HTTP_PORT";
  /** The management port ({@code /metrics}). */
  public static final String MANAGEMENT_PORT = "CHARGEN_MANAGEMENT_PORT";
  /** Every interface: in a pod the Service and the kubelet's probes come from outside the container. */
  public static final String DEFAULT_HOST = "0.0.0.0";
  /**
   * The management port of every service in its own pod: the port OpenTelemetry's Prometheus exporter uses, so it
   * clashes with no API port of chargen (8081–8084) nor with a Prometheus server (9090) on a developer's machine.
   */
  public static final int DEFAULT_MANAGEMENT_PORT = 9464;
  private static final int MAX_PORT = 65_535;

  /** Copies the origins and checks the ports differ (both 0 is allowed: two free ports). */
  public HttpSettings {
    allowedOrigins = List.copyOf(allowedOrigins);
    if (port != 0 && port == managementPort) {
      throw new ConfigException(PORT + " and " + MANAGEMENT_PORT + " are both " + port + ": /metrics must be on a"
          + " port of its own");
    }
  }

  /**
   * @param env the environment
   * @param defaultPort the service's API port (issue 3: capture 8081, generator 8082, classifier 8083, learner 8084)
   * @return the settings
   * @throws ConfigException naming the first bad variable and its value, or the missing verification key
   */
  public static HttpSettings fromEnv(Env env, int defaultPort) {
    String host = env.string(HOST, DEFAULT_HOST);
    int port = env.integer(PORT, defaultPort, 0, MAX_PORT);
    int management = env.integer(MANAGEMENT_PORT, DEFAULT_MANAGEMENT_PORT, 0, MAX_PORT);
    List<String> origins = Arrays.stream(env.string(OriginGuard.ALLOWED_ORIGINS, "").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    try {
      new OriginGuard(origins); // validates each entry
    } catch (IllegalArgumentException e) {
      throw new ConfigException(OriginGuard.ALLOWED_ORIGINS + ": " + e.getMessage(), e);
    }
    int rate = env.integer(TenantRateLimiter.RATE, TenantRateLimiter.DEFAULT_RATE_PER_MINUTE, 1, Integer.MAX_VALUE);
    int burst = env.integer(TenantRateLimiter.BURST, TenantRateLimiter.DEFAULT_BURST, 1, Integer.MAX_VALUE);
    return new HttpSettings(host, port, management, origins, rate, burst, AuthConfig.from(env));
  }

  /** @return the Origin allow-list these settings name */
  public OriginGuard originGuard() {
    return new OriginGuard(allowedOrigins);
  }

  /** @return a fresh per-tenant limiter of these rates */
  public TenantRateLimiter rateLimiter() {
    return new TenantRateLimiter(ratePerMinute, burst, System::nanoTime);
  }

  /**
   * @param newPort the API port
   * @param newManagementPort the management port
   * @return these settings on other ports (tests, {@code chargen up})
   */
  public HttpSettings withPorts(int newPort, int newManagementPort) {
    return new HttpSettings(host, newPort, newManagementPort, allowedOrigins, ratePerMinute, burst, auth);
  }
}
