package io.chargen.service.security;

import io.chargen.proto.TenantKeys;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who sent a request, as its verified bearer token says: the subject, the tenant everything it does belongs to,
 * its roles and, for tablets, the writer names it may teach as.
 *
 * @param subject the token's {@code sub} (a device or person id; logs only, never a metric tag)
 * @param tenant the tenant id
 * @param roles at least one role
 * @param writers writer names (NFC) it may write as; {@value #ANY_WRITER} allows any
 */
public record Caller(String subject, String tenant, Set<Role> roles, Set<String> writers) {
  /** In {@code writers}: any writer name of the tenant (a shared classroom tablet). */
  public static final String ANY_WRITER = "*";

  /** Validates the tenant id and copies the sets. */
  public Caller {
    TenantKeys.requireTenant(tenant);
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("a caller of tenant " + tenant + " has no role");
    }
    roles = Set.copyOf(EnumSet.copyOf(roles));
    writers = Set.copyOf(new TreeSet<>(writers));
  }

  /**
   * @param role a role
   * @return whether the token grants it
   */
  public boolean has(Role role) {
    return roles.contains(role);
  }

  /**
   * @param writer a writer name as normalised by {@code Names.writer}; empty when the input names no writer
   * @return whether this caller may submit input under that name (no name is always allowed: it teaches no style)
   */
  public boolean mayWriteAs(String writer) {
    return writer.isEmpty() || writers.contains(ANY_WRITER) || writers.contains(writer);
  }
}
