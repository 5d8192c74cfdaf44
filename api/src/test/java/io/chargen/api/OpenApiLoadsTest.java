package io.chargen.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.Operation;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Do vertx-openapi and vertx-web-openapi-router 5.0.7 take our OpenAPI 3.1 documents? (Issue 12: phase 2 will
 * validate requests with them at run time.) Each document loads from the class path, is recognised as 3.1 and
 * validated against the 3.1 meta-schema by the loader; the router built from capture's rejects a body that breaks
 * the contract with 400 before any handler runs, and passes a good one.
 */
class OpenApiLoadsTest {
  private static final String GOOD_EXAMPLE = "{\"label\":\"n\",\"writer\":\"alice\",\"points\":"
      + "[{\"x\":0.1,\"y\":0.2,\"pressure\":0.5,\"down\":true,\"t\":0}]}";
  private static final int HANDLED = 299;
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.chargen.api.ApiDocuments#services")
  @DisplayName("each service's document loads as OpenAPI 3.1 and every operation's roles can be read from it")
  void loads(String service) throws Throwable {
    OpenAPIContract contract = await(OpenAPIContract.from(vertx, ApiDocuments.openApiPath(service)));
    assertThat(contract.getVersion()).isEqualTo(OpenAPIVersion.V3_1);
    assertThat(contract.operations()).hasSize(ApiDocuments.operations(service).size());
    for (Operation operation : contract.operations()) {
      List<String> roles = operation.getSecurityRequirements().stream()
          .flatMap(r -> r.getNames().stream().flatMap(n -> r.getScopes(n).stream())).toList();
      assertThat(roles).as(operation.getOperationId()).isEqualTo(ApiDocuments.operations(service).values()
          .stream().filter(o -> o.id().equals(operation.getOperationId())).findFirst().orElseThrow().roles());
    }
  }

  @Test
  @DisplayName("the router built from capture's document answers 400 to a body breaking the contract, before the handler")
  void routerValidatesRequests() throws Throwable {
    OpenAPIContract contract = await(OpenAPIContract.from(vertx, ApiDocuments.openApiPath("capture")));
    RouterBuilder builder = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
    builder.rootHandler(BodyHandler.create().setBodyLimit(1024 * 1024));
    for (OpenAPIRoute route : builder.getRoutes()) {
      // Security stays with chargen's BearerAuth (mounted ahead of this router in phase 2), not the router's.
      route.setDoSecurity(false).addHandler(ctx -> ctx.response().setStatusCode(HANDLED).end());
    }
    Router router = builder.createRouter();
    router.errorHandler(400, ctx -> ctx.response().setStatusCode(400).end(String.valueOf(ctx.failure())));
    HttpServer server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    HttpClient client = vertx.createHttpClient();
    try {
      int port = server.actualPort();
      assertThat(post(client, port, GOOD_EXAMPLE)).startsWith(HANDLED + " ");
      assertThat(post(client, port, "{\"label\":\"n\"}")).startsWith("400 ");
      assertThat(post(client, port, GOOD_EXAMPLE.replace("\"n\"", "\"n\\u202Eb\""))).startsWith("400 ");
      assertThat(post(client, port, GOOD_EXAMPLE.replace("\"n\"", "\"ж\""))).startsWith(HANDLED + " ");
      assertThat(post(client, port, GOOD_EXAMPLE.replace("\"n\"", "\"@typical\""))).startsWith("400 ");
      assertThat(post(client, port, GOOD_EXAMPLE.replace("0.5", "9"))).startsWith("400 ");
    } finally {
      await(client.close());
      await(server.close());
    }
  }

  private static String post(HttpClient client, int port, String body) throws Throwable {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
        .setURI("/v1/examples").putHeader("content-type", "application/json");
    return await(client.request(options).compose(r -> r.send(body))
        .compose(r -> r.body().map(b -> r.statusCode() + " " + b)));
  }

  private static <T> T await(Future<T> future) throws Throwable {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause();
    }
  }
}
