package io.chargen.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargen.model.data.PenSample;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A tablet on capture's {@code /v1/pen} WebSocket in ask mode, for the load runs: sends a letter and hands back the
 * next pushed answer — a {@code classification}, or the {@code error} pushed instead when capture refused it.
 */
final class PenSocket {
  private final WebSocket ws;
  private final Listener listener = new Listener();

  /**
   * @param url the {@code ws://…/v1/pen} URL
   * @param token a tablet's bearer token, sent on the upgrade
   */
  PenSocket(String url, String token) {
    ws = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + token)
        .buildAsync(URI.create(url), listener).join();
    send(Map.of("type", "begin", "mode", "ask", "writer", "load"));
  }

  /**
   * @param sample a letter
   * @param onSent called right after the last message left, e.g. to start a clock
   * @return the answer: its {@code type} is {@code classification} or {@code error}
   */
  CompletableFuture<JsonNode> ask(PenSample sample, Runnable onSent) {
    CompletableFuture<JsonNode> answer = listener.expect();
    send(Map.of("type", "points", "points", ((Map<?, ?>) PenJson.toJson(null, "load", sample.points()))
        .get("points")));
    send(Map.of("type", "end"));
    onSent.run();
    return answer;
  }

  void close() {
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
  }

  private void send(Object message) {
    try {
      ws.sendText(Json.MAPPER.writeValueAsString(message), true).join();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Completes the pending answer with the classification or the error pushed instead. */
  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private volatile CompletableFuture<JsonNode> pending = new CompletableFuture<>();

    CompletableFuture<JsonNode> expect() {
      pending = new CompletableFuture<>();
      return pending;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode json = Json.MAPPER.readTree(partial.toString());
          String type = json.path("type").asText();
          if (type.equals("classification") || type.equals("error")) {
            pending.complete(json);
          }
        } catch (Exception e) {
          pending.completeExceptionally(e);
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }
}
