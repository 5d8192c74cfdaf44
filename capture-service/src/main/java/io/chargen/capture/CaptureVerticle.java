package io.chargen.capture;

import io.chargen.service.ServiceAssembly;
import io.chargen.service.ServiceHttp;
import io.chargen.service.ServiceVerticle;
import io.chargen.service.Tracing;
import io.chargen.service.security.BearerAuth;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring of the capture service on the shared {@link ServiceAssembly}: its producer of trajectories, a follower of
 * queries, classifications and dead-lettered queries ({@link ClassificationReader}), the HTTP API
 * ({@link CaptureApi}) and the {@code /v1/pen} WebSocket ({@link PenSession} per connection, at most
 * {@value #MAX_PEN_SESSIONS}, closed after {@value #PEN_IDLE_TIMEOUT_MS} ms of silence). {@link #start()} completes
 * when HTTP listens and the follower is positioned; {@code /health} is DOWN until then and whenever the broker has
 * not answered for a few seconds.
 */
public final class CaptureVerticle extends VerticleBase implements ServiceVerticle {
  private static final Logger LOG = LoggerFactory.getLogger(CaptureVerticle.class);
  /** Open pen sessions at most: each buffers up to 2,000 typed points (~150 KB), so ~150 MB in the worst case. */
  static final int MAX_PEN_SESSIONS = 1_000;
  /** A pen session silent this long is closed: a tablet that went away must not hold its buffer. */
  static final long PEN_IDLE_TIMEOUT_MS = 5 * 60_000;
  private static final long IDLE_CHECK_MS = 10_000;
  /** WebSocket close code of an idle session (RFC 6455: 1000 normal closure, with a reason). */
  private static final short IDLE_CLOSE = 1000;

  private final CaptureConfig config;
  private final PrometheusMeterRegistry registry;
  private final AtomicInteger sessions = new AtomicInteger();
  private ServiceAssembly assembly;
  private CaptureMetrics metrics;

  /**
   * @param config the configuration
   * @param registry the meter registry, scraped at {@code /metrics}
   */
  public CaptureVerticle(CaptureConfig config, PrometheusMeterRegistry registry) {
    this.config = config;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    metrics = new CaptureMetrics(registry);
    QueryResults results = new QueryResults();
    metrics.trackQueries(results::size, results::pending);
    assembly = new ServiceAssembly(vertx, CaptureConfig.SERVICE, config.kafka(), config.http(), registry);
    ClassificationReader reader = new ClassificationReader(results, metrics);
    assembly.follow("classifications", ClassificationReader.FOLLOW, reader::read);
    PenInputValidator validator = new PenInputValidator();
    CaptureProcessor processor = new CaptureProcessor(assembly.producer()::send, results, metrics, Clock.systemUTC(),
        () -> UUID.randomUUID().toString());
    CaptureSubmissions submissions = new CaptureSubmissions(processor, results, metrics, assembly::ready);
    new CaptureApi(validator, submissions, metrics).mount(assembly.api(), assembly.router());
    assembly.api().webSocket("/v1/pen", ctx -> admitPenSession(ctx).compose(v -> ctx.request().toWebSocket())
        .onSuccess(ws -> open(ws, new PenSession(validator, submissions, metrics, BearerAuth.caller(ctx),
            json -> ws.writeTextMessage(json.encode()), Tracing.of(ctx))))
        .onFailure(e -> LOG.warn("WebSocket /v1/pen not opened: {}", e.getMessage())));
    return assembly.start();
  }

  /** @return fails when the classification reader stopped on a fatal error */
  @Override
  public Future<Void> failure() {
    return assembly.failure();
  }

  /** @return the HTTP port actually bound */
  @Override
  public int httpPort() {
    return assembly.httpPort();
  }

  /** @return the management port actually bound */
  @Override
  public int managementPort() {
    return assembly.managementPort();
  }

  /** @return fails, having answered 503, when {@value #MAX_PEN_SESSIONS} sessions are open already */
  private Future<Void> admitPenSession(RoutingContext ctx) {
    if (sessions.get() < MAX_PEN_SESSIONS) {
      return Future.succeededFuture();
    }
    String why = MAX_PEN_SESSIONS + " pen sessions are open, the most this replica holds";
    ServiceHttp.unavailable(ctx, CaptureSubmissions.RETRY_AFTER_SECONDS, why);
    return Future.failedFuture(why);
  }

  private void open(ServerWebSocket ws, PenSession session) {
    sessions.incrementAndGet();
    metrics.sessionOpened();
    AtomicLong lastMessage = new AtomicLong(System.nanoTime());
    ws.textMessageHandler(text -> {
      lastMessage.set(System.nanoTime());
      session.onMessage(text);
    });
    ws.binaryMessageHandler(bytes -> ws.writeTextMessage(
        "{\"type\":\"error\",\"error\":\"binary message of " + bytes.length() + " bytes: send JSON text\"}"));
    ws.exceptionHandler(e -> LOG.warn("WebSocket /v1/pen from {}: {}", ws.remoteAddress(), e.getMessage()));
    long timer = vertx.setPeriodic(IDLE_CHECK_MS, id -> {
      if (System.nanoTime() - lastMessage.get() > PEN_IDLE_TIMEOUT_MS * 1_000_000) {
        ws.close(IDLE_CLOSE, "idle for " + PEN_IDLE_TIMEOUT_MS / 1000 + " s");
      }
    });
    ws.closeHandler(v -> {
      vertx.cancelTimer(timer);
      session.close();
      sessions.decrementAndGet();
      metrics.sessionClosed();
    });
  }

  @Override
  public Future<?> stop() {
    return assembly.stop();
  }
}
