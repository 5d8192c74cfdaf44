package io.chargen.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BearerAuth on a real router: status, challenge and message of each refusal, and the WebSocket token. */
class BearerAuthTest {
  private static Vertx vertx;
  private static TestTokens tokens;
  private static HttpProbe probe;
  @TempDir
  static Path dir;

  @BeforeAll
  static void start() throws Throwable {
    vertx = Vertx.vertx();
    tokens = TestTokens.create(vertx, dir);
    BearerAuth auth = new BearerAuth(tokens.verifier());
    Router router = Router.router(vertx);
    router.post("/v1/examples").handler(auth.require(Role.TABLET));
    router.post("/v1/*").handler(BodyHandler.create());
    router.post("/v1/examples").handler(ctx -> {
          String writer = ctx.body().asJsonObject().getString("writer", "");
          if (BearerAuth.permits(ctx, writer)) {
            ctx.response().setStatusCode(202).end(BearerAuth.caller(ctx).tenant());
          }
        });
    router.get("/v1/concepts").handler(auth.require(Role.DASHBOARD, Role.ADMIN))
        .handler(ctx -> ctx.end(BearerAuth.caller(ctx).tenant()));
    router.route("/v1/stream").handler(auth.require(Role.DASHBOARD))
        .handler(ctx -> ctx.request().toWebSocket().onSuccess(ws -> ws.textMessageHandler(text ->
            ws.writeTextMessage(text + " " + BearerAuth.caller(ctx).tenant()))));
    probe = new HttpProbe(vertx, router);
  }

  @AfterAll
  static void stop() throws Throwable {
    probe.close();
    vertx.close();
  }

  @Test
  @DisplayName("no token: 401 with a Bearer challenge and a message saying how to send one")
  void noToken() throws Throwable {
    HttpProbe.Response r = probe.send(HttpMethod.GET, "/v1/concepts", Map.of(), null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.headers().get("WWW-Authenticate")).isEqualTo("Bearer realm=\"chargen\"");
    assertThat(new JsonObject(r.body()).getString("error")).startsWith("no bearer token: send 'Authorization: Bearer");
  }

  @Test
  @DisplayName("a bad token: 401 invalid_token; a Basic header: 401 saying Bearer is expected")
  void badToken() throws Throwable {
    HttpProbe.Response r = probe.send(HttpMethod.GET, "/v1/concepts", Map.of("Authorization", "Bearer x.y.z"), null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.headers().get("WWW-Authenticate")).isEqualTo("Bearer realm=\"chargen\", error=\"invalid_token\"");
    HttpProbe.Response basic = probe.send(HttpMethod.GET, "/v1/concepts", Map.of("Authorization", "Basic YTpi"), null);
    assertThat(basic.status()).isEqualTo(401);
    assertThat(basic.body()).contains("is not 'Bearer <token>'");
  }

  @Test
  @DisplayName("a token in the URL is refused with 401, even a valid one, saying where tokens go")
  void urlToken() throws Throwable {
    String token = tokens.token("school-1", Role.DASHBOARD);
    HttpProbe.Response r = probe.send(HttpMethod.GET, "/v1/concepts?access_token=" + token, Map.of(), null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body()).contains("tokens in the URL are refused").doesNotContain(token);
  }

  @Test
  @DisplayName("a valid token of the wrong role: 403 insufficient_scope naming the role needed")
  void wrongRole() throws Throwable {
    HttpProbe.Response r = probe.send(HttpMethod.GET, "/v1/concepts",
        bearer(tokens.token("school-1", Role.TABLET)), null);
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.headers().get("WWW-Authenticate")).contains("error=\"insufficient_scope\"");
    assertThat(r.body()).contains("one of the roles [dashboard, admin]");
  }

  @Test
  @DisplayName("the right role passes and the handler sees the token's tenant")
  void allowed() throws Throwable {
    HttpProbe.Response r = probe.send(HttpMethod.GET, "/v1/concepts",
        bearer(tokens.token("school-1", Role.ADMIN)), null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("school-1");
  }

  @Test
  @DisplayName("a tablet posting as a writer its token does not name: 403 after the body is read; its own: 202")
  void writerCheckedAfterBody() throws Throwable {
    Map<String, String> headers = bearer(tokens.token("school-1", Set.of(Role.TABLET), Set.of("alice")));
    HttpProbe.Response bob = probe.send(HttpMethod.POST, "/v1/examples", headers, "{\"writer\":\"bob\"}");
    assertThat(bob.status()).isEqualTo(403);
    assertThat(bob.body()).contains("not as writer 'bob'");
    HttpProbe.Response alice = probe.send(HttpMethod.POST, "/v1/examples", headers, "{\"writer\":\"alice\"}");
    assertThat(alice.status()).isEqualTo(202);
  }

  @Test
  @DisplayName("a browser's WebSocket carries the token as subprotocol; the server selects chargen.v1, never the token")
  void webSocketSubprotocol() throws Throwable {
    String token = tokens.token("school-1", Role.DASHBOARD);
    WebSocket ws = probe.connect("/v1/stream", List.of(WebSocketTokens.SUBPROTOCOL,
        WebSocketTokens.TOKEN_PREFIX + token), Map.of());
    assertThat(ws.subProtocol()).isEqualTo(WebSocketTokens.SUBPROTOCOL);
    String[] first = new String[1];
    ws.textMessageHandler(text -> first[0] = text);
    ws.writeTextMessage("hello");
    io.chargen.service.Await.until(java.time.Duration.ofSeconds(10), "the echo", () -> first[0] != null);
    assertThat(first[0]).isEqualTo("hello school-1");
    TestTokens.await(ws.close());
  }

  @Test
  @DisplayName("a WebSocket client that can set headers may send Authorization on the upgrade")
  void webSocketHeader() throws Throwable {
    WebSocket ws = probe.connect("/v1/stream", List.of(), bearer(tokens.token("school-1", Role.DASHBOARD)));
    assertThat(ws.isClosed()).isFalse();
    TestTokens.await(ws.close());
  }

  @Test
  @DisplayName("a WebSocket upgrade without a token is refused with 401, with a wrong role with 403")
  void webSocketRefused() {
    assertThatThrownBy(() -> probe.connect("/v1/stream", List.of(WebSocketTokens.SUBPROTOCOL), Map.of()))
        .isInstanceOfSatisfying(UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(401));
    String tablet = tokens.token("school-1", Role.TABLET);
    assertThatThrownBy(() -> probe.connect("/v1/stream", List.of(WebSocketTokens.SUBPROTOCOL,
        WebSocketTokens.TOKEN_PREFIX + tablet), Map.of()))
        .isInstanceOfSatisfying(UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(403));
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }
}
