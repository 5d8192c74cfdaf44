package io.chargen.service.security;

import io.chargen.service.ServiceHttp;
import io.chargen.service.security.Access.Decision;
import io.chargen.service.security.Access.Verification;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.AuthenticationHandler;
import java.util.Optional;

/**
 * The Vert.x Web side of {@link Access}: a route handler that finds the bearer token (the {@code Authorization}
 * header, or on a WebSocket upgrade the {@link WebSocketTokens} subprotocol), verifies it with the
 * {@link TokenVerifier}, decides with {@link Access#decide} and either stores the {@link Caller} for the next handlers
 * ({@link #caller}) or answers 401/403 with {@code {"error": message}} and an RFC 6750 {@code WWW-Authenticate}
 * header. Body-level checks (the writer name in the input) call {@link #permits} once the body is parsed.
 * Mount it after the {@link OriginGuard} (preflights carry no token) and on its own route before the
 * {@code BodyHandler}'s, so that no body is read for a caller without a token (Vert.x Web puts a body handler before
 * an authentication handler on one route).
 */
public final class BearerAuth {
  private static final String CALLER_KEY = "chargen.caller";
  private static final String URL_TOKEN = "access_token";
  private static final String BEARER = "bearer ";
  private final TokenVerifier verifier;

  /** @param verifier verifies tokens */
  public BearerAuth(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  /**
   * @param first a role the routes accept
   * @param more other roles they accept
   * @return a handler letting through only callers with one of the roles
   */
  public AuthenticationHandler require(Role first, Role... more) {
    Access.Request request = Access.Request.needing(first, more);
    return ctx -> {
      HttpServerRequest http = ctx.request();
      if (!http.isEnded()) {
        http.pause(); // verification is asynchronous; the body must wait for the decision
      }
      verification(http).onComplete(found -> {
        if (!http.isEnded()) {
          http.resume();
        }
        Decision decision = Access.decide(found.result(), request);
        if (decision.allowed()) {
          ctx.put(CALLER_KEY, decision.caller());
          ctx.next();
        } else {
          deny(ctx, decision);
        }
      });
    };
  }

  /**
   * The check after the body is parsed: answers 403 itself when the caller may not write as that writer.
   *
   * @param ctx a request that passed {@link #require}
   * @param writer the writer name the input carries (normalised), or empty
   * @return whether the request may go on
   */
  public static boolean permits(RoutingContext ctx, String writer) {
    Caller caller = caller(ctx);
    Decision decision = Access.decide(new Verification.Valid(caller),
        new Access.Request(caller.roles(), null, writer));
    if (!decision.allowed()) {
      deny(ctx, decision);
    }
    return decision.allowed();
  }

  /**
   * @param ctx a request that passed {@link #require}
   * @return its caller
   * @throws IllegalStateException if the route is not behind {@link #require} (a wiring bug, not a client error)
   */
  public static Caller caller(RoutingContext ctx) {
    Caller caller = ctx.get(CALLER_KEY);
    if (caller == null) {
      throw new IllegalStateException("route " + ctx.normalizedPath() + " is not behind BearerAuth.require");
    }
    return caller;
  }

  /**
   * @param ctx the request
   * @param decision a 401 or 403
   */
  public static void deny(RoutingContext ctx, Decision decision) {
    String code = decision.outcome().errorCode();
    String challenge = "Bearer realm=\"chargen\"" + (code == null ? "" : ", error=\"" + code + "\"");
    ctx.response().putHeader("WWW-Authenticate", challenge);
    ServiceHttp.error(ctx, decision.status(), decision.message());
  }

  private Future<Verification> verification(HttpServerRequest http) {
    if (http.params().contains(URL_TOKEN)) {
      return Future.succeededFuture(new Verification.Invalid("tokens in the URL are refused (they end up in logs and"
          + " browser history): send 'Authorization: Bearer <token>', or on a WebSocket the subprotocol "
          + WebSocketTokens.TOKEN_PREFIX + "<token>"));
    }
    Optional<String> token = token(http);
    if (token.isEmpty()) {
      String authorization = http.getHeader("Authorization");
      return Future.succeededFuture(authorization == null ? new Verification.Missing()
          : new Verification.Invalid("the Authorization header is not 'Bearer <token>'"));
    }
    return verifier.verify(token.get()).<Verification>map(Verification.Valid::new)
        .otherwise(e -> new Verification.Invalid(e instanceof InvalidTokenException ? e.getMessage()
            : "the bearer token could not be verified (" + e.getClass().getSimpleName() + ")"));
  }

  private static Optional<String> token(HttpServerRequest http) {
    String authorization = http.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      String token = authorization.substring(BEARER.length()).trim();
      return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
    if (authorization == null && WebSocketTokens.isUpgrade(http.headers())) {
      return WebSocketTokens.token(http.headers());
    }
    return Optional.empty();
  }
}
