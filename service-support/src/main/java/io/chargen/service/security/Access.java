package io.chargen.service.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The 401/403 decision of issue 12, without HTTP: given what the token verification found and what the request asks
 * for, allow it or say which status and why. 401 when there is no valid token (who are you?); 403 when the token is
 * valid but lacks a role the endpoint needs, names another tenant than the request does, or does not allow the
 * writer name the input carries (you may not). Messages never quote the token.
 */
public final class Access {
  /** No credentials. */
  public static final int UNAUTHENTICATED = 401;
  /** Valid credentials, not enough of them. */
  public static final int FORBIDDEN = 403;

  private Access() {}

  /** What verifying the request's token found. */
  public sealed interface Verification {
    /** No token in the request. */
    record Missing() implements Verification {}

    /**
     * A token that does not verify, or one sent where chargen refuses tokens (the URL).
     *
     * @param reason why
     */
    record Invalid(String reason) implements Verification {}

    /**
     * A verified token.
     *
     * @param caller who it names
     */
    record Valid(Caller caller) implements Verification {}
  }

  /**
   * What a request needs and names.
   *
   * @param anyOf the endpoint needs one of these roles
   * @param tenant the tenant the request itself names (e.g. in its body), or null when it names none
   * @param writer the writer name the input carries (NFC), or empty
   */
  public record Request(Set<Role> anyOf, String tenant, String writer) {
    /** Copies the roles. */
    public Request {
      anyOf = Set.copyOf(anyOf);
      writer = writer == null ? "" : writer;
    }

    /**
     * @param first a role the endpoint accepts
     * @param more others it accepts
     * @return a request naming no tenant and no writer
     */
    public static Request needing(Role first, Role... more) {
      return new Request(EnumSet.of(first, more), null, "");
    }

    /**
     * @param name the writer name the input carries
     * @return this request with it
     */
    public Request writer(String name) {
      return new Request(anyOf, tenant, name);
    }

    /**
     * @param name the tenant the request names
     * @return this request with it
     */
    public Request tenant(String name) {
      return new Request(anyOf, name, writer);
    }
  }

  /** The kinds of outcome, with their HTTP status and RFC 6750 error code. */
  public enum Outcome {
    /** Go on. */
    ALLOWED(200, null),
    /** No token: 401 without an error code (RFC 6750 §3.1: the client did not try). */
    NO_TOKEN(UNAUTHENTICATED, null),
    /** A token that does not verify: 401 {@code invalid_token}. */
    INVALID_TOKEN(UNAUTHENTICATED, "invalid_token"),
    /** A valid token without the rights: 403 {@code insufficient_scope}. */
    FORBIDDEN(Access.FORBIDDEN, "insufficient_scope");

    private final int status;
    private final String errorCode;

    Outcome(int status, String errorCode) {
      this.status = status;
      this.errorCode = errorCode;
    }

    /** @return the HTTP status */
    public int status() {
      return status;
    }

    /** @return the RFC 6750 error code for {@code WWW-Authenticate}, null when none applies */
    public String errorCode() {
      return errorCode;
    }
  }

  /**
   * The outcome.
   *
   * @param outcome allowed, or which refusal
   * @param message why not (empty when allowed)
   * @param caller the caller when allowed or forbidden, null when unauthenticated
   */
  public record Decision(Outcome outcome, String message, Caller caller) {
    /** @return whether the request may go on */
    public boolean allowed() {
      return outcome == Outcome.ALLOWED;
    }

    /** @return the HTTP status: 200, 401 or 403 */
    public int status() {
      return outcome.status();
    }
  }

  /**
   * @param verification what the token verification found
   * @param request what the request needs and names
   * @return allow, 401 or 403, with the reason
   */
  public static Decision decide(Verification verification, Request request) {
    if (verification instanceof Verification.Valid valid) {
      return permit(valid.caller(), request);
    }
    if (verification instanceof Verification.Invalid invalid) {
      return new Decision(Outcome.INVALID_TOKEN, invalid.reason(), null);
    }
    return new Decision(Outcome.NO_TOKEN, "no bearer token: send 'Authorization: Bearer <token>' (WebSocket from a"
        + " browser: subprotocol " + WebSocketTokens.TOKEN_PREFIX + "<token>); get one from your operator, or in"
        + " development from ./chargen token", null);
  }

  private static Decision permit(Caller caller, Request request) {
    if (request.anyOf().stream().noneMatch(caller::has)) {
      return new Decision(Outcome.FORBIDDEN, "a token with roles " + names(caller.roles()) + " may not do this: it"
          + " needs " + (request.anyOf().size() == 1 ? "role " : "one of the roles ") + names(request.anyOf()), caller);
    }
    if (request.tenant() != null && !request.tenant().equals(caller.tenant())) {
      return new Decision(Outcome.FORBIDDEN, "the token is for tenant '" + caller.tenant() + "'; the request names"
          + " another tenant", caller);
    }
    if (!caller.mayWriteAs(request.writer())) {
      return new Decision(Outcome.FORBIDDEN, "the token may write as " + (caller.writers().isEmpty()
          ? "no named writer" : caller.writers()) + ", not as writer '" + request.writer() + "'", caller);
    }
    return new Decision(Outcome.ALLOWED, "", caller);
  }

  private static String names(Set<Role> roles) {
    return roles.stream().sorted().map(Role::claim).collect(Collectors.joining(", ", "[", "]"));
  }
}
