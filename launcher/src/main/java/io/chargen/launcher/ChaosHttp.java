package io.chargen.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The chaos probes' HTTP client: any status is an answer to report, not an exception; every call has a timeout. */
final class ChaosHttp {
  /** A probe that hangs this long counts as hung: the services promise to fail fast instead. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  /** A status, body and how long it took; status 0 when the request failed or timed out. */
  record Answer(int status, String body, long millis, String retryAfter) {}

  private final String authorization;

  /** @param token the bearer token every request carries (the probes act as a tenant's tablets) */
  ChaosHttp(String token) {
    this.authorization = "Bearer " + token;
  }

  Answer post(String url, String contentType, String body) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
        .header("Authorization", authorization).timeout(TIMEOUT)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** @return the answer, without holding a thread while waiting (an open loop must not be paced by answers) */
  java.util.concurrent.CompletableFuture<Answer> postAsync(String url, String contentType, String body) {
    long start = System.nanoTime();
    return client.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
        .header("Authorization", authorization).timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
        .handle((r, e) -> e != null ? new Answer(0, e.toString(), (System.nanoTime() - start) / 1_000_000, null)
            : new Answer(r.statusCode(), r.body(), (System.nanoTime() - start) / 1_000_000,
                r.headers().firstValue("retry-after").orElse(null)));
  }

  Answer get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).timeout(TIMEOUT)
        .GET().build());
  }

  private Answer send(HttpRequest request) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body(), (System.nanoTime() - start) / 1_000_000,
          r.headers().firstValue("retry-after").orElse(null));
    } catch (IOException e) {
      return new Answer(0, e.toString(), (System.nanoTime() - start) / 1_000_000, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, "interrupted", (System.nanoTime() - start) / 1_000_000, null);
    }
  }
}
