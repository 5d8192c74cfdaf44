package io.chargen.service.security;

import io.chargen.service.ServiceHttp;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per tenant (issue 12): each tenant may make {@value #RATE} requests per minute on average and
 * {@value #BURST} at once; beyond that the {@link #handler} answers 429 with {@code Retry-After} (whole seconds
 * until a request would pass). One tenant's flood then cannot starve the others on a replica. The limit holds per
 * replica: with n replicas a tenant gets up to n times as much, which the Ingress's per-client limit caps at the
 * edge. Memory is bounded: at most {@value #MAX_TENANTS} buckets, the least recently used dropped first (a dropped
 * bucket comes back full, which only forgives an idle tenant). Mount behind {@link BearerAuth}, which names the
 * tenant.
 */
public final class TenantRateLimiter {
  /** Requests per minute per tenant. */
  public static final String RATE = "CHARGEN_RATE_LIMIT_PER_MINUTE";
  /** Requests a tenant may make at once. */
  public static final String BURST = "CHARGEN_RATE_LIMIT_BURST";
  /**
   * Default rate: 1200/min = 20/s per tenant. A class of 30 tablets writing a letter every 2–3 s sends ~12/s; the
   * whole system measured 67 trajectories/s on one machine (README, load), so three busy tenants fit before the
   * broker-side backpressure of issue 11 has to act.
   */
  public static final int DEFAULT_RATE_PER_MINUTE = 1200;
  /** Default burst: a dashboard opening fetches a handful of resources; a tablet class starting at once ~30. */
  public static final int DEFAULT_BURST = 60;
  /** Most tenants tracked at once. */
  public static final int MAX_TENANTS = 10_000;
  private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();
  private static final int TOO_MANY_REQUESTS = 429;

  private final double tokensPerNano;
  private final int burst;
  private final LongSupplier nanoClock;
  private final Map<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
      return size() > MAX_TENANTS;
    }
  };

  /**
   * @param perMinute average requests per minute per tenant, at least 1
   * @param burst requests at once, at least 1
   * @param nanoClock monotonic nanoseconds ({@link System#nanoTime} in services, a fake in tests)
   */
  public TenantRateLimiter(int perMinute, int burst, LongSupplier nanoClock) {
    if (perMinute < 1 || burst < 1) {
      throw new IllegalArgumentException("rate " + perMinute + "/min and burst " + burst + " must be at least 1");
    }
    this.tokensPerNano = (double) perMinute / NANOS_PER_MINUTE;
    this.burst = burst;
    this.nanoClock = nanoClock;
  }

  /**
   * Takes one token from the tenant's bucket if it has one.
   *
   * @param tenant the tenant id
   * @return zero when the request may pass, else how long until it would
   */
  public synchronized Duration acquire(String tenant) {
    long now = nanoClock.getAsLong();
    Bucket bucket = buckets.computeIfAbsent(tenant, t -> new Bucket(burst, now));
    bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAt) * tokensPerNano);
    bucket.refilledAt = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / tokensPerNano));
  }

  /** @return a handler that answers 429 with {@code Retry-After} when the caller's tenant is over its limit */
  public Handler<RoutingContext> handler() {
    return ctx -> {
      String tenant = BearerAuth.caller(ctx).tenant();
      Duration wait = acquire(tenant);
      if (wait.isZero()) {
        ctx.next();
        return;
      }
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      ctx.response().putHeader("Retry-After", Long.toString(seconds));
      ServiceHttp.error(ctx, TOO_MANY_REQUESTS, "tenant " + tenant + " is over its rate limit of " + rate()
          + "; retry in " + seconds + " s");
    };
  }

  /** A tenant's tokens, refilled lazily on each request. */
  private static final class Bucket {
    double tokens;
    long refilledAt;

    Bucket(double tokens, long refilledAt) {
      this.tokens = tokens;
      this.refilledAt = refilledAt;
    }
  }

  private String rate() {
    return Math.round(tokensPerNano * NANOS_PER_MINUTE) + " requests per minute (burst " + burst + ")";
  }
}
