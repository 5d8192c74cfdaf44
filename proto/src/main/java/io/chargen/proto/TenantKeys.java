package io.chargen.proto;

import java.util.regex.Pattern;

/**
 * Tenant-scoped Kafka record keys (issue 12): {@code <tenant>/<id>}, e.g. {@code school-7/n} on
 * {@code chargen.concepts}. The default partitioner hashes the whole key, so one tenant's records spread over the
 * partitions while every version of one tenant's concept stays on one partition (one learner owns it, and
 * compaction keeps its latest); two tenants' {@code n} are two keys, never one record overwriting the other.
 *
 * <p>Tenant ids are chosen by the operator who issues tokens, so they follow the strict form of a DNS label
 * (lower-case ASCII letters, digits, inner {@code -}, at most {@value #MAX_TENANT_LENGTH}): they cannot contain the
 * separator and read the same in URLs, logs and Kubernetes names. Records written before tenants have an empty
 * {@code tenant} field and keys without a separator; both belong to {@link #DEFAULT_TENANT}.
 */
public final class TenantKeys {
  /** Between tenant and id; labels, writer names and tenant ids never contain it. */
  public static final char SEPARATOR = '/';
  /** The tenant of records written before tenants existed. */
  public static final String DEFAULT_TENANT = "default";
  /** Longest tenant id: a DNS label. */
  public static final int MAX_TENANT_LENGTH = 63;
  private static final Pattern TENANT = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  /** Characters of a bad tenant id quoted in an error. */
  private static final int QUOTED_CHARS = 24;

  /**
   * A key split into its parts.
   *
   * @param tenant the tenant, {@link #DEFAULT_TENANT} for a key written before tenants
   * @param id what the topic is keyed by within the tenant (label, query id, request id)
   */
  public record Scoped(String tenant, String id) {}

  private TenantKeys() {}

  /**
   * @param tenant a tenant id
   * @return it, unchanged
   * @throws IllegalArgumentException naming the value and the rule
   */
  public static String requireTenant(String tenant) {
    if (tenant == null || !TENANT.matcher(tenant).matches()) {
      String shown = tenant == null ? "null" : '"' + (tenant.length() > QUOTED_CHARS
          ? tenant.substring(0, QUOTED_CHARS) + "…" : tenant) + '"';
      throw new IllegalArgumentException("tenant " + shown + " is not a tenant id: 1-" + MAX_TENANT_LENGTH
          + " lower-case letters a-z, digits and inner '-'");
    }
    return tenant;
  }

  /**
   * @param tenant a tenant id
   * @param id the record's id within the tenant; must not be empty
   * @return {@code tenant/id}
   * @throws IllegalArgumentException on a bad tenant id or an empty id
   */
  public static String key(String tenant, String id) {
    requireTenant(tenant);
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("the id of a key of tenant " + tenant + " is empty");
    }
    return tenant + SEPARATOR + id;
  }

  /**
   * @param key a record key as read from a topic
   * @return its tenant and id; a key without separator (written before tenants) belongs to {@link #DEFAULT_TENANT}
   * @throws IllegalArgumentException if the part before the separator is not a tenant id
   */
  public static Scoped parse(String key) {
    int at = key.indexOf(SEPARATOR);
    if (at < 0) {
      return new Scoped(DEFAULT_TENANT, key);
    }
    return new Scoped(requireTenant(key.substring(0, at)), key.substring(at + 1));
  }

  /**
   * @param field a message's {@code tenant} field
   * @return the tenant it belongs to: the field, or {@link #DEFAULT_TENANT} when empty (written before tenants)
   */
  public static String tenantOf(String field) {
    return field == null || field.isEmpty() ? DEFAULT_TENANT : requireTenant(field);
  }
}
