package io.chargen.service.security;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;

/** A router on a loopback port with a plain client, for the handlers' HTTP and WebSocket behaviour. */
final class HttpProbe {
  /** What came back. */
  record Response(int status, MultiMap headers, String body) {}

  private final HttpServer server;
  private final HttpClient client;
  private final WebSocketClient webSockets;

  HttpProbe(Vertx vertx, Router router) throws Throwable {
    this.server = TestTokens.await(vertx.createHttpServer(WebSocketTokens.accept(new HttpServerOptions()))
        .requestHandler(router).listen(0, "127.0.0.1"));
    this.client = vertx.createHttpClient();
    this.webSockets = vertx.createWebSocketClient();
  }

  int port() {
    return server.actualPort();
  }

  Response send(HttpMethod method, String uri, Map<String, String> headers, String body) throws Throwable {
    RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port())
        .setURI(uri);
    headers.forEach(options::putHeader);
    Future<Response> response = client.request(options)
        .compose(request -> body == null ? request.send() : request.send(body))
        .compose(r -> r.body().map(b -> new Response(r.statusCode(), r.headers(), b.toString())));
    return TestTokens.await(response);
  }

  /** @return the socket, or fails with the {@link UpgradeRejectedException} carrying the refusal's status */
  WebSocket connect(String uri, List<String> subProtocols, Map<String, String> headers) throws Throwable {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port())
        .setURI(uri).setSubProtocols(subProtocols);
    headers.forEach(options::addHeader);
    return TestTokens.await(webSockets.connect(options));
  }

  void close() throws Throwable {
    TestTokens.await(client.close().compose(v -> webSockets.close()).compose(v -> server.close()));
  }
}
