package io.chargen.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.service.security.BearerAuth;
import io.chargen.service.security.OriginGuard;
import io.chargen.service.security.Role;
import io.chargen.service.security.TenantRateLimiter;
import io.chargen.service.security.TestTokens;
import io.chargen.service.security.TokenVerifier;
import io.chargen.service.security.WebSocketTokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one mechanism every service's API goes through ({@link ServiceApi} on the {@link ServiceHttp} router), against
 * the four published documents: for every operation and every role, 401 without or with a bad token, 403 for a role
 * the document does not grant, through for one it grants; JSON only; the tenant rate limit; a foreign Origin refused;
 * health open and metrics absent from the API port. Handlers are stubs answering 200: what is under test is who gets
 * to them.
 */
class ServiceApiTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String TENANT = "school-a";
  private final Vertx vertx = Vertx.vertx();
  private final TestTokens tokens = TestTokens.create(vertx, TestEnvironment.keyDir());
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private HttpServer server;

  @AfterEach
  void close() throws Throwable {
    TestTokens.await(vertx.close());
  }

  /** One documented operation: method, path with its parameters filled in, and the roles it grants. */
  private record Op(String id, String method, String path, Set<Role> roles, boolean body) {}

  @SuppressWarnings("unchecked")
  private static List<Op> operations(String service) {
    Map<String, Object> doc = new org.yaml.snakeyaml.Yaml().load(ServiceApi.resource(
        ServiceApi.DOCUMENTS + service + ".openapi.yaml"));
    List<Op> ops = new ArrayList<>();
    ((Map<String, Map<String, Object>>) doc.get("paths")).forEach((path, item) -> item.forEach((method, raw) -> {
      Map<String, Object> op = (Map<String, Object>) raw;
      if (!path.startsWith("/v1/") || Boolean.TRUE.equals(op.get(ServiceApi.PLANNED))) {
        return;
      }
      List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) op.getOrDefault("security",
          doc.get("security"));
      Set<Role> roles = EnumSet.noneOf(Role.class);
      security.forEach(s -> s.getOrDefault("bearer", List.of()).forEach(r -> roles.add(Role.fromClaim(r)
          .orElseThrow())));
      ops.add(new Op((String) op.get("operationId"), method.toUpperCase(), path.replaceAll("\\{\\w+}", "x1"), roles,
          op.containsKey("requestBody")));
    }));
    return ops;
  }

  private int start(String service, TenantRateLimiter limiter) throws Throwable {
    ServiceApi api = new ServiceApi(vertx, service, new BearerAuth(new TokenVerifier(vertx,
        io.chargen.service.security.AuthConfig.from(new Env(tokens.environment())))), limiter);
    operations(service).forEach(op -> api.operation(op.id(), ctx -> ServiceHttp.json(ctx, new JsonObject()
        .put("tenant", BearerAuth.caller(ctx).tenant()))));
    if (service.equals("capture")) {
      api.webSocket("/v1/pen", ctx -> ctx.request().toWebSocket());
    }
    if (service.equals("generator")) {
      api.webSocket("/v1/stream", ctx -> ctx.request().toWebSocket());
    }
    Router router = ServiceHttp.router(vertx, new HealthChecks(), Tracing.off(), new OriginGuard(List.of()),
        new HttpMetrics(new SimpleMeterRegistry()), api.document());
    TestTokens.await(api.mount(router));
    server = TestTokens.await(vertx.createHttpServer(WebSocketTokens.accept(new HttpServerOptions()))
        .requestHandler(router).listen(0, "127.0.0.1"));
    return server.actualPort();
  }

  private HttpResponse<String> send(int port, Op op, String token, String contentType) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + op.path()))
        .timeout(TIMEOUT).method(op.method(), op.body() ? HttpRequest.BodyPublishers.ofString("{}")
            : HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (op.body()) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** @return the token with its tenant claim rewritten and the signature kept: it must no longer verify */
  private static String forged(String token) {
    String[] parts = token.split("\\.");
    java.util.Base64.Decoder decoder = java.util.Base64.getUrlDecoder();
    JsonObject claims = new JsonObject(new String(decoder.decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8))
        .put("tenant", "school-b");
    String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(claims.encode().getBytes(
        java.nio.charset.StandardCharsets.UTF_8));
    return parts[0] + "." + payload + "." + parts[2];
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"capture", "learner", "generator", "classifier"})
  @DisplayName("every operation: 401 without or with a bad token, 403 for a role it does not grant, through for one"
      + " it grants; a body that is not JSON is 415")
  void accessMatrix(String service) throws Throwable {
    int port = start(service, new TenantRateLimiter(Integer.MAX_VALUE / 2, 1_000, System::nanoTime));
    List<Op> ops = operations(service);
    assertThat(ops).isNotEmpty();
    for (Op op : ops) {
      String what = service + " " + op.method() + " " + op.path();
      HttpResponse<String> anonymous = send(port, op, null, "application/json");
      assertThat(anonymous.statusCode()).as(what + " without token").isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(what).contains("Bearer realm=\"chargen\"");
      assertThat(new JsonObject(anonymous.body()).getString("error")).contains("no bearer token");
      HttpResponse<String> forged = send(port, op, forged(tokens.token(TENANT, Role.ADMIN)), "application/json");
      assertThat(forged.statusCode()).as(what + " with another tenant written into a signed token").isEqualTo(401);
      assertThat(forged.headers().firstValue("WWW-Authenticate")).as(what).contains(
          "Bearer realm=\"chargen\", error=\"invalid_token\"");
      for (Role role : Role.values()) {
        HttpResponse<String> answer = send(port, op, tokens.token(TENANT, role), "application/json");
        if (op.roles().contains(role)) {
          assertThat(answer.statusCode()).as(what + " as " + role + ": " + answer.body()).isNotIn(401, 403);
        } else {
          assertThat(answer.statusCode()).as(what + " as " + role).isEqualTo(403);
          assertThat(new JsonObject(answer.body()).getString("error")).as(what)
              .contains("needs").contains(op.roles().iterator().next().claim());
        }
      }
      if (op.body()) {
        Role allowed = op.roles().iterator().next();
        HttpResponse<String> text = send(port, op, tokens.token(TENANT, allowed), "text/plain");
        assertThat(text.statusCode()).as(what + " as text/plain").isEqualTo(415);
      }
    }
  }

  @Test
  @DisplayName("the tenant's bucket empties: 429 with Retry-After, while another tenant still gets through")
  void rateLimitPerTenant() throws Throwable {
    int port = start("classifier", new TenantRateLimiter(1, 2, System::nanoTime));
    Op concepts = operations("classifier").get(0);
    String a = tokens.token(TENANT, Role.DASHBOARD);
    assertThat(send(port, concepts, a, null).statusCode()).isEqualTo(200);
    assertThat(send(port, concepts, a, null).statusCode()).isEqualTo(200);
    HttpResponse<String> refused = send(port, concepts, a, null);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(send(port, concepts, tokens.token("school-b", Role.DASHBOARD), null).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("health is open, /metrics is not on the API port, a foreign Origin is refused before the token")
  void openAndClosedRoutes() throws Throwable {
    int port = start("generator", new TenantRateLimiter(600, 60, System::nanoTime));
    assertThat(get(port, "/health/live", Map.of()).statusCode()).isEqualTo(200);
    assertThat(get(port, "/metrics", Map.of()).statusCode()).isEqualTo(404);
    assertThat(get(port, "/openapi.yaml", Map.of()).body()).contains("openapi: 3.1");
    HttpResponse<String> foreign = get(port, "/v1/concepts", Map.of("Origin", "http://evil.example",
        "Authorization", "Bearer " + tokens.token(TENANT, Role.DASHBOARD)));
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(foreign.body()).contains("evil.example", OriginGuard.ALLOWED_ORIGINS);
    assertThat(get(port, "/v1/generations?limit=abc", Map.of("Authorization", "Bearer "
        + tokens.token(TENANT, Role.DASHBOARD))).statusCode()).as("validated against the document").isEqualTo(400);
  }

  @Test
  @DisplayName("WebSockets: the token as subprotocol or header; 401 without, 403 with the wrong role")
  void webSockets() throws Throwable {
    int port = start("capture", new TenantRateLimiter(600, 60, System::nanoTime));
    URI pen = URI.create("ws://127.0.0.1:" + port + "/v1/pen");
    WebSocket byProtocol = http.newWebSocketBuilder().subprotocols(WebSocketTokens.SUBPROTOCOL,
        WebSocketTokens.TOKEN_PREFIX + tokens.token(TENANT, Role.TABLET)).buildAsync(pen, new WebSocket.Listener() {})
        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertThat(byProtocol.getSubprotocol()).isEqualTo(WebSocketTokens.SUBPROTOCOL);
    byProtocol.abort();
    assertThat(upgradeStatus(pen, null)).isEqualTo(401);
    assertThat(upgradeStatus(pen, tokens.token(TENANT, Role.DASHBOARD))).isEqualTo(403);
  }

  private int upgradeStatus(URI uri, String token) throws Exception {
    WebSocket.Builder builder = http.newWebSocketBuilder();
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    try {
      builder.buildAsync(uri, new WebSocket.Listener() {}).join().abort();
      return 101;
    } catch (CompletionException e) {
      if (e.getCause() instanceof java.net.http.WebSocketHandshakeException h) {
        return h.getResponse().statusCode();
      }
      throw e;
    }
  }

  private HttpResponse<String> get(int port, String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(TIMEOUT);
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
