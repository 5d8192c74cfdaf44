package io.chargen.service.tenant;

import io.chargen.model.ConceptSet;
import io.chargen.proto.TenantKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The lookup rule of issue 12: the base model's concepts (letters a–m, the training writers' styles, {@code @typical})
 * are a shared read-only base; each tenant's own concepts shadow the base label of the same name for that tenant
 * only. A tenant's {@code a} or {@code @typical} is found first, then the base; another tenant never sees it; erasing
 * a tenant's concept shows the base again. Plain and thread-safe (the concept store's poll loop writes, HTTP
 * handlers read), so the concept store can keep one per process and every service resolves the same way.
 *
 * @param <V> what a tenant's concept is (a {@code LearnedConcept}, a code)
 */
public final class TenantConcepts<V> {
  /**
   * Where a label was found.
   *
   * @param <V> the tenant's concept type
   */
  public sealed interface Resolved<V> {
    /** @return the label resolved */
    String label();

    /**
     * The tenant's own concept.
     *
     * @param label the label
     * @param value the tenant's concept
     * @param <V> its type
     */
    record Own<V>(String label, V value) implements Resolved<V> {}

    /**
     * The shared base model's concept.
     *
     * @param label the label
     * @param <V> the tenant's concept type
     */
    record Base<V>(String label) implements Resolved<V> {}
  }

  private final List<String> base;
  private final Set<String> baseSet;
  private final Map<String, TreeMap<String, V>> own = new HashMap<>();

  /** @param baseLabels the base model's labels in input order */
  public TenantConcepts(List<String> baseLabels) {
    this.base = List.copyOf(baseLabels);
    this.baseSet = Set.copyOf(baseLabels);
  }

  /**
   * @param tenant a tenant id
   * @param label its concept's label
   * @param value the concept; replaces the tenant's earlier one of that label
   */
  public synchronized void put(String tenant, String label, V value) {
    own.computeIfAbsent(TenantKeys.requireTenant(tenant), t -> new TreeMap<>()).put(label, value);
  }

  /**
   * Erasure: forgets the tenant's concept, so the base label (if any) shows again for that tenant.
   *
   * @param tenant a tenant id
   * @param label the label
   * @return the concept forgotten, if the tenant had one
   */
  public synchronized Optional<V> remove(String tenant, String label) {
    TreeMap<String, V> concepts = own.get(tenant);
    V removed = concepts == null ? null : concepts.remove(label);
    if (concepts != null && concepts.isEmpty()) {
      own.remove(tenant);
    }
    return Optional.ofNullable(removed);
  }

  /**
   * @param tenant a tenant id
   * @param label a label
   * @return the tenant's own concept of that label, else the base's, else empty
   */
  public synchronized Optional<Resolved<V>> resolve(String tenant, String label) {
    V value = own.getOrDefault(tenant, new TreeMap<>()).get(label);
    if (value != null) {
      return Optional.of(new Resolved.Own<>(label, value));
    }
    return baseSet.contains(label) ? Optional.of(new Resolved.Base<>(label)) : Optional.empty();
  }

  /**
   * @param tenant a tenant id
   * @return the style a generation naming no writer uses for this tenant: its own {@code @typical} first, then the
   *     base's
   */
  public Optional<Resolved<V>> defaultStyle(String tenant) {
    return resolve(tenant, ConceptSet.TYPICAL_STYLE);
  }

  /**
   * @param tenant a tenant id
   * @return every label the tenant can use: the base labels in input order (shadowed ones included once), then its
   *     own new labels in order; never another tenant's
   */
  public synchronized List<String> visibleLabels(String tenant) {
    Set<String> labels = new LinkedHashSet<>(base);
    labels.addAll(own.getOrDefault(tenant, new TreeMap<>()).keySet());
    return new ArrayList<>(labels);
  }

  /**
   * @param tenant a tenant id
   * @return the tenant's own concepts by label (a copy)
   */
  public synchronized Map<String, V> own(String tenant) {
    return new TreeMap<>(own.getOrDefault(tenant, new TreeMap<>()));
  }

  /**
   * @param label a label
   * @return whether the shared base holds it (a tenant's concept of that label shadows it)
   */
  public boolean isBase(String label) {
    return baseSet.contains(label);
  }
}
