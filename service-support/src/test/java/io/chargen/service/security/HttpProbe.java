package io.chargen.service.security;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A router on a loopback port with a plain client, for the handlers' HTTP and WebSocket behaviour. */
final class HttpProbe {
  /** What came back. */
  record Response(int status, MultiMap headers, String body) {}

  private final HttpServer server;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
      .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
  private final WebSocketClient webSockets;

  HttpProbe(Vertx vertx, Router router) throws Throwable {
    this.server = TestTokens.await(vertx.createHttpServer(WebSocketTokens.accept(new HttpServerOptions()))
        .requestHandler(router).listen(0, "127.0.0.1"));
    this.webSockets = vertx.createWebSocketClient();
  }

  int port() {
    return server.actualPort();
  }

  /** Sends with the JDK's client, a peer independent of the Vert.x code under test. */
  Response send(HttpMethod method, String uri, Map<String, String> headers, String body) throws Throwable {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + uri))
        .timeout(TIMEOUT).method(method.name(), body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    headers.forEach(request::header);
    HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
    MultiMap received = MultiMap.caseInsensitiveMultiMap();
    response.headers().map().forEach(received::add);
    return new Response(response.statusCode(), received, response.body());
  }

  /** @return the socket, or fails with the {@link UpgradeRejectedException} carrying the refusal's status */
  WebSocket connect(String uri, List<String> subProtocols, Map<String, String> headers) throws Throwable {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port())
        .setURI(uri).setSubProtocols(subProtocols);
    headers.forEach(options::addHeader);
    return TestTokens.await(webSockets.connect(options));
  }

  void close() throws Throwable {
    TestTokens.await(webSockets.close().compose(v -> server.close()));
  }
}
