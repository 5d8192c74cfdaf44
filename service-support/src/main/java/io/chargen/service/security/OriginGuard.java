package io.chargen.service.security;

import io.chargen.model.Names;
import io.chargen.service.ServiceHttp;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Origin allow-list for CORS and WebSocket upgrades (issue 12). A browser names the page that makes a request in
 * {@code Origin}; without this check any web page could post to the API (a cross-origin {@code text/plain} POST
 * needs no preflight) or open {@code /v1/pen} with a user's token. Requests without {@code Origin} (tablets, curl)
 * pass: they are not browsers acting for some page, and they still need a token. Same-origin requests pass (the
 * pad and dashboard are served by the services). Other origins pass only when listed in {@value #ALLOWED_ORIGINS}
 * ({@code https://school.example,http://localhost:3000}); Vert.x's {@link CorsHandler} then answers their
 * preflights and adds the CORS headers. Everything else gets 403 naming the origin. Mount first on the router.
 *
 * <p>Same origin is judged by host and port against the {@code Host} header, the port defaulting by the origin's
 * scheme: behind a TLS-terminating Ingress the service sees plain HTTP while the page is {@code https://}.
 */
public final class OriginGuard implements SecurityPolicyHandler {
  /** Comma-separated origins allowed besides the service's own; empty by default. */
  public static final String ALLOWED_ORIGINS = "CHARGEN_ALLOWED_ORIGINS";
  /** How long a browser may cache a preflight answer: ten minutes. */
  private static final int PREFLIGHT_CACHE_SECONDS = 600;
  private static final int FORBIDDEN = 403;

  /** What the check found. */
  public enum Verdict {
    /** No Origin header: not a browser acting for a page. */
    NO_ORIGIN,
    /** The service's own origin. */
    SAME_ORIGIN,
    /** An origin of the allow-list. */
    LISTED,
    /** Any other origin, or one that does not parse (e.g. {@code null} from a sandboxed frame). */
    REFUSED
  }

  private final Set<String> allowed;
  private final CorsHandler cors;

  /**
   * @param origins the allowed origins besides the service's own, e.g. {@code https://school.example}
   * @throws IllegalArgumentException naming an entry that is not a {@code http(s)://host[:port]} origin
   */
  public OriginGuard(List<String> origins) {
    Set<String> normalised = new LinkedHashSet<>();
    for (String origin : origins) {
      String key = normalise(origin);
      if (key == null) {
        throw new IllegalArgumentException(Names.excerpt(origin) + " is not an origin: write scheme://host[:port]"
            + " with scheme http or https and no path, e.g. https://school.example");
      }
      normalised.add(key);
    }
    this.allowed = Set.copyOf(normalised);
    this.cors = CorsHandler.create().addOrigins(origins.isEmpty() ? List.of("http://localhost") : origins)
        .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.DELETE))
        .allowedHeaders(Set.of("Authorization", "Content-Type")).maxAgeSeconds(PREFLIGHT_CACHE_SECONDS);
  }

  /**
   * @param origin the request's {@code Origin}, or null
   * @param host the request's {@code Host} ({@code host[:port]}), or null
   * @return the verdict
   */
  public Verdict check(String origin, String host) {
    if (origin == null) {
      return Verdict.NO_ORIGIN;
    }
    String key = normalise(origin);
    if (key == null) {
      return Verdict.REFUSED;
    }
    if (host != null && key.equals(normalise(key.substring(0, key.indexOf("://") + 3) + host))) {
      return Verdict.SAME_ORIGIN;
    }
    return allowed.contains(key) ? Verdict.LISTED : Verdict.REFUSED;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    switch (check(origin, ctx.request().getHeader("Host"))) {
      case NO_ORIGIN, SAME_ORIGIN -> ctx.next();
      case LISTED -> cors.handle(ctx);
      case REFUSED -> ServiceHttp.error(ctx, FORBIDDEN, "Origin " + Names.excerpt(origin) + " may not call this"
          + " service: it is neither the service's own origin nor in " + ALLOWED_ORIGINS);
    }
  }

  /** @return {@code scheme://host:port} with the default port made explicit, or null if it is no http(s) origin */
  private static String normalise(String origin) {
    try {
      URI uri = new URI(origin);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
          && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
        return null;
      }
      int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
      return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }
}
