package io.chargen.service.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a bearer token allows (issue 12), carried in its {@value TokenVerifier#ROLES_CLAIM} claim. Roles do not
 * include each other: a token lists every role it has.
 */
public enum Role {
  /** Teach and ask in its tenant, as the writer names its token allows. */
  TABLET,
  /** Read concepts, request and subscribe to generations in its tenant. */
  DASHBOARD,
  /** Manage a tenant's concepts, erasure included. */
  ADMIN;

  /** @return the value in the token's roles claim, e.g. {@code tablet} */
  public String claim() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param claim a value of the roles claim
   * @return the role, if it names one (exactly, lower-case)
   */
  public static Optional<Role> fromClaim(String claim) {
    return Arrays.stream(values()).filter(r -> r.claim().equals(claim)).findFirst();
  }
}
