package io.chargen.generator;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * A JDK HTTP client for the integration test, independent of the Vert.x server it tests. Requests carry the bearer
 * token given to {@link #authenticate} (the test's dashboard), unless a call names another.
 */
final class Http {
  /** HTTP/1.1: the JDK client would otherwise try an h2c upgrade, which the server does not speak. */
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private static volatile String token;

  private Http() {}

  /** @param bearer the token requests carry from now on */
  static void authenticate(String bearer) {
    token = bearer;
  }

  record Response(int status, JsonObject body) {}

  static Response get(int port, String path) {
    return get(port, path, token);
  }

  static Response get(int port, String path, String bearer) {
    return send(authorized(HttpRequest.newBuilder(uri(port, path)), bearer).GET());
  }

  static Response post(int port, String path, String body) {
    return post(port, path, body, token);
  }

  static Response post(int port, String path, String body, String bearer) {
    return send(authorized(HttpRequest.newBuilder(uri(port, path)), bearer).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpRequest.Builder authorized(HttpRequest.Builder request, String bearer) {
    return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
  }

  static String text(int port, String path) {
    try {
      return CLIENT.send(HttpRequest.newBuilder(uri(port, path)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (Exception e) {
      throw new AssertionError("HTTP request " + path + " failed", e);
    }
  }

  /** @return the value of response header {@code name} of a GET, or null */
  static String header(int port, String path, String name) {
    try {
      return CLIENT.send(authorized(HttpRequest.newBuilder(uri(port, path)), token).timeout(Duration.ofSeconds(10))
          .header("origin", "http://pad.example").build(), HttpResponse.BodyHandlers.discarding())
          .headers().firstValue(name).orElse(null);
    } catch (Exception e) {
      throw new AssertionError("HTTP request " + path + " failed", e);
    }
  }

  /** Connects to a WebSocket with the test's token and collects its text messages. */
  static List<JsonObject> stream(int port, String path) {
    return stream(port, path, token);
  }

  /** Connects to a WebSocket with a token and collects its text messages. */
  static List<JsonObject> stream(int port, String path, String bearer) {
    List<JsonObject> messages = new CopyOnWriteArrayList<>();
    CLIENT.newWebSocketBuilder().header("Authorization", "Bearer " + bearer).buildAsync(URI.create("ws://127.0.0.1:" + port + path), new WebSocket.Listener() {
      private final StringBuilder partial = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
          messages.add(new JsonObject(partial.toString()));
          partial.setLength(0);
        }
        socket.request(1);
        return null;
      }
    }).join();
    return messages;
  }

  static void until(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  private static URI uri(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Response(response.statusCode(), body.startsWith("{") ? new JsonObject(body) : new JsonObject());
    } catch (Exception e) {
      throw new AssertionError("HTTP request " + request.build().uri() + " failed", e);
    }
  }
}
