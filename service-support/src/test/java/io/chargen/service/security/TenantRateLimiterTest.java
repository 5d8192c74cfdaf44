package io.chargen.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargen.service.ConfigException;
import io.chargen.service.Env;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantRateLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  /** 60 per minute = one per second, burst 3. */
  private final TenantRateLimiter limiter = new TenantRateLimiter(60, 3, now::get);

  @Test
  @DisplayName("a burst passes, the next request waits for one refill interval")
  void burstThenWait() {
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire("school-1")).as("request %d", i).isZero();
    }
    assertThat(limiter.acquire("school-1")).isEqualTo(Duration.ofSeconds(1));
    now.addAndGet(Duration.ofMillis(400).toNanos());
    assertThat(limiter.acquire("school-1")).isEqualTo(Duration.ofMillis(600));
    now.addAndGet(Duration.ofMillis(600).toNanos());
    assertThat(limiter.acquire("school-1")).isZero();
  }

  @Test
  @DisplayName("the bucket refills to the burst, not beyond, however long a tenant is idle")
  void refillCapped() {
    now.addAndGet(Duration.ofHours(1).toNanos());
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire("school-1")).isZero();
    }
    assertThat(limiter.acquire("school-1")).isPositive();
  }

  @Test
  @DisplayName("one tenant's flood does not touch another tenant's bucket")
  void tenantsIndependent() {
    for (int i = 0; i < 10; i++) {
      limiter.acquire("flood");
    }
    assertThat(limiter.acquire("flood")).isPositive();
    assertThat(limiter.acquire("quiet")).isZero();
  }

  @Test
  @DisplayName("over the limit the handler answers 429 with Retry-After in whole seconds and names the tenant")
  void handlerAnswers429(@TempDir Path dir) throws Throwable {
    Vertx vertx = Vertx.vertx();
    try {
      TestTokens tokens = TestTokens.create(vertx, dir);
      Router router = Router.router(vertx);
      router.route().handler(new BearerAuth(tokens.verifier()).require(Role.DASHBOARD));
      router.route().handler(new TenantRateLimiter(1, 1, System::nanoTime).handler());
      router.get("/v1/concepts").handler(ctx -> ctx.end("ok"));
      HttpProbe probe = new HttpProbe(vertx, router);
      Map<String, String> headers = Map.of("Authorization", "Bearer " + tokens.token("school-1", Role.DASHBOARD));
      assertThat(probe.send(HttpMethod.GET, "/v1/concepts", headers, null).status()).isEqualTo(200);
      HttpProbe.Response limited = probe.send(HttpMethod.GET, "/v1/concepts", headers, null);
      assertThat(limited.status()).isEqualTo(429);
      assertThat(Long.parseLong(limited.headers().get("Retry-After"))).isBetween(59L, 60L);
      assertThat(limited.body()).contains("tenant school-1 is over its rate limit of 1 requests per minute (burst 1)");
      probe.close();
    } finally {
      vertx.close();
    }
  }
}
