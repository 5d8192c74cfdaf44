package io.chargen.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargen.model.StrokeSequence;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The demo's HTTP client: JSON in and out with a bearer token like any client (issue 12), errors that say which URL
 * answered what.
 */
final class DemoHttp {
  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String authorization;

  /** @param token the bearer token every request carries */
  DemoHttp(String token) {
    this.authorization = "Bearer " + token;
  }

  JsonNode post(String url, Object body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .header("Authorization", authorization)
        .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body))).build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
    }
    return Json.MAPPER.readTree(response.body());
  }

  JsonNode delete(String url) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", authorization).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("DELETE " + url + " answered " + response.statusCode() + ": " + response.body());
    }
    return Json.MAPPER.readTree(response.body());
  }

  String text(String url) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  JsonNode get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
    }
    return Json.MAPPER.readTree(response.body());
  }

  /** Polls a URL until the answer satisfies the condition; fails naming the URL and the last answer. */
  JsonNode pollUntil(String url, Duration timeout, Predicate<JsonNode> done) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      last = get(url);
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(POLL_INTERVAL.toMillis());
    }
    throw new IOException("gave up after " + timeout.toSeconds() + " s waiting on " + url + "; last answer: " + last);
  }

  static StrokeSequence steps(JsonNode points) {
    float[][] rows = new float[points.size()][StrokeSequence.CHANNELS];
    for (int t = 0; t < rows.length; t++) {
      for (int c = 0; c < StrokeSequence.CHANNELS; c++) {
        rows[t][c] = (float) points.get(t).get(c).asDouble();
      }
    }
    return StrokeSequence.ofSteps(rows);
  }
}
