package io.chargen.service.security;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerOptions;
import java.util.Arrays;
import java.util.Optional;

/**
 * How a bearer token travels on a WebSocket upgrade. A browser's {@code new WebSocket(url, protocols)} cannot set an
 * {@code Authorization} header; the one header it lets a page set is {@code Sec-WebSocket-Protocol}. So a page offers
 * two subprotocols, {@code [}{@value #SUBPROTOCOL}{@code , }{@value #TOKEN_PREFIX}{@code <token>]}; the server reads
 * the token from the second and answers with the first, never echoing the token (the Kubernetes API server does
 * the same with {@code base64url.bearer.authorization.k8s.io.<token>}). A JWT is base64url and dots, all legal in a
 * subprotocol token (RFC 6455, RFC 7230 tchar). Clients that can set headers (tablets, curl) send
 * {@code Authorization: Bearer} on the upgrade instead.
 *
 * <p>Not a query parameter: URLs end up in access logs of every proxy, in browser history and in {@code Referer}
 * headers (RFC 6750 §2.3 advises against it), so {@link BearerAuth} refuses {@code access_token} in the URL with a
 * 401 that says where the token goes. Not a cookie: cookies ride along on cross-site requests (CSRF) and tie the
 * token to one origin's cookie jar. A one-time ticket endpoint would work too but needs state shared by all replicas.
 */
public final class WebSocketTokens {
  /** The subprotocol the server selects: the JSON message protocols of {@code /v1/pen} and {@code /v1/stream}. */
  public static final String SUBPROTOCOL = "chargen.v1";
  /** Prefix of the subprotocol that carries the token. */
  public static final String TOKEN_PREFIX = "chargen.bearer.";
  private static final String PROTOCOL_HEADER = "Sec-WebSocket-Protocol";

  private WebSocketTokens() {}

  /**
   * Lets the server select {@value #SUBPROTOCOL}: a browser that offered subprotocols closes a connection whose
   * answer selects none.
   *
   * @param options the HTTP server's options
   * @return the same options
   */
  public static HttpServerOptions accept(HttpServerOptions options) {
    if (options.getWebSocketSubProtocols() == null || !options.getWebSocketSubProtocols().contains(SUBPROTOCOL)) {
      options.addWebSocketSubProtocol(SUBPROTOCOL);
    }
    return options;
  }

  /**
   * @param headers an upgrade request's headers
   * @return the token offered as a subprotocol, if any
   */
  public static Optional<String> token(MultiMap headers) {
    return headers.getAll(PROTOCOL_HEADER).stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(String::trim)
        .filter(p -> p.startsWith(TOKEN_PREFIX) && p.length() > TOKEN_PREFIX.length())
        .map(p -> p.substring(TOKEN_PREFIX.length()))
        .findFirst();
  }

  /**
   * @param headers a request's headers
   * @return whether it asks to upgrade to a WebSocket
   */
  public static boolean isUpgrade(MultiMap headers) {
    String upgrade = headers.get("Upgrade");
    return upgrade != null && upgrade.equalsIgnoreCase("websocket");
  }
}
