package io.chargen.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargen.service.ConfigException;
import io.chargen.service.Env;
import io.chargen.service.security.OriginGuard.Verdict;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginGuardTest {
  private static final OriginGuard GUARD = new OriginGuard(List.of("https://school.example", "http://localhost:3000"));
  private static Vertx vertx;
  private static HttpProbe probe;

  @BeforeAll
  static void start() throws Throwable {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.route().handler(GUARD);
    router.post("/v1/examples").handler(ctx -> ctx.request().body()
        .onSuccess(body -> ctx.response().setStatusCode(202).end()));
    router.route("/v1/pen").handler(ctx -> ctx.request().toWebSocket());
    probe = new HttpProbe(vertx, router);
  }

  @AfterAll
  static void stop() throws Throwable {
    probe.close();
    vertx.close();
  }

  @ParameterizedTest(name = "Origin {0}, Host {1} → {2}")
  @CsvSource(nullValues = "-", value = {
      "-, localhost:8081, NO_ORIGIN",
      "http://localhost:8081, localhost:8081, SAME_ORIGIN",
      "http://LOCALHOST:8081, localhost:8081, SAME_ORIGIN",
      "https://chargen.example.com, chargen.example.com, SAME_ORIGIN",
      "https://chargen.example.com, chargen.example.com:443, SAME_ORIGIN",
      "http://[::1]:8081, [::1]:8081, SAME_ORIGIN",
      "http://localhost:8082, localhost:8081, REFUSED",
      "http://evil.example, localhost:8081, REFUSED",
      "http://localhost:8081.evil.example, localhost:8081, REFUSED",
      "https://school.example, chargen.example.com, LISTED",
      "https://school.example:443, chargen.example.com, LISTED",
      "http://school.example, chargen.example.com, REFUSED",
      "http://localhost:3000, localhost:8081, LISTED",
      "null, localhost:8081, REFUSED",
      "file://, localhost:8081, REFUSED",
      "https://school.example/path, chargen.example.com, REFUSED"})
  @DisplayName("no Origin and the service's own pass; listed origins pass as CORS; everything else is refused")
  void verdicts(String origin, String host, Verdict verdict) {
    assertThat(GUARD.check(origin, host)).isEqualTo(verdict);
  }

  @Test
  @DisplayName("a cross-origin text/plain POST from a foreign page is refused with 403 naming the origin")
  void foreignPostRefused() throws Throwable {
    HttpProbe.Response r = probe.send(HttpMethod.POST, "/v1/examples",
        Map.of("Origin", "http://evil.example", "Content-Type", "text/plain"), "{}");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body()).contains("Origin \\\"http://evil.example\\\" may not call this service")
        .contains(OriginGuard.ALLOWED_ORIGINS);
  }

  @Test
  @DisplayName("refusals and accepted requests alternate on one client without stalling it")
  void refusalDoesNotStallTheConnection() throws Throwable {
    for (int i = 0; i < 3; i++) {
      HttpProbe.Response refused = probe.send(HttpMethod.POST, "/v1/examples",
          Map.of("Origin", "http://evil.example"), "{\"label\":\"a\"}");
      assertThat(refused.status()).isEqualTo(403);
      assertThat(probe.send(HttpMethod.POST, "/v1/examples", Map.of(), "{}").status()).isEqualTo(202);
    }
  }

  @Test
  @DisplayName("a same-origin POST (the pad served by the service) passes; so does one without Origin (a tablet)")
  void sameOriginPasses() throws Throwable {
    String self = "http://127.0.0.1:" + probe.port();
    assertThat(probe.send(HttpMethod.POST, "/v1/examples", Map.of("Origin", self), "{}").status()).isEqualTo(202);
    assertThat(probe.send(HttpMethod.POST, "/v1/examples", Map.of(), "{}").status()).isEqualTo(202);
  }

  @Test
  @DisplayName("a listed origin's preflight is answered by Vert.x's CORS handler; its POST carries the CORS header")
  void listedOriginCors() throws Throwable {
    HttpProbe.Response preflight = probe.send(HttpMethod.OPTIONS, "/v1/examples", Map.of("Origin",
        "http://localhost:3000", "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers",
        "authorization,content-type"), null);
    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.headers().get("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
    assertThat(preflight.headers().get("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
    HttpProbe.Response post = probe.send(HttpMethod.POST, "/v1/examples", Map.of("Origin", "http://localhost:3000"),
        "{}");
    assertThat(post.status()).isEqualTo(202);
    assertThat(post.headers().get("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
  }

  @Test
  @DisplayName("a WebSocket upgrade from a foreign Origin is refused with 403 before any frame")
  void foreignWebSocketRefused() throws Throwable {
    assertThatThrownBy(() -> probe.connect("/v1/pen", List.of(), Map.of("Origin", "http://evil.example")))
        .isInstanceOfSatisfying(UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(403));
    probe.connect("/v1/pen", List.of(), Map.of("Origin", "http://127.0.0.1:" + probe.port())).close();
  }
}
