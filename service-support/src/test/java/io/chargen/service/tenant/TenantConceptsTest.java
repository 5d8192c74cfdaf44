package io.chargen.service.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargen.service.tenant.TenantConcepts.Resolved;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TenantConceptsTest {
  private final TenantConcepts<String> concepts = new TenantConcepts<>(List.of("a", "b", "@typical", "@002-f-22"));

  @Test
  @DisplayName("with nothing of its own, a tenant sees the base")
  void baseWhenNothingOwn() {
    assertThat(concepts.resolve("school-1", "a")).contains(new Resolved.Base<>("a"));
    assertThat(concepts.defaultStyle("school-1")).contains(new Resolved.Base<>("@typical"));
    assertThat(concepts.resolve("school-1", "n")).isEmpty();
  }

  @Test
  @DisplayName("a tenant's own a and @typical shadow the base for that tenant only, never for another")
  void ownShadowsBaseForThatTenantOnly() {
    concepts.put("school-1", "a", "school-1's a");
    concepts.put("school-1", "@typical", "school-1's hand");
    assertThat(concepts.resolve("school-1", "a")).contains(new Resolved.Own<>("a", "school-1's a"));
    assertThat(concepts.defaultStyle("school-1")).contains(new Resolved.Own<>("@typical", "school-1's hand"));
    assertThat(concepts.resolve("school-2", "a")).contains(new Resolved.Base<>("a"));
    assertThat(concepts.defaultStyle("school-2")).contains(new Resolved.Base<>("@typical"));
  }

  @Test
  @DisplayName("two tenants teaching different n each resolve their own")
  void twoTenantsTwoNs() {
    concepts.put("school-1", "n", "n1");
    concepts.put("school-2", "n", "n2");
    assertThat(concepts.resolve("school-1", "n")).contains(new Resolved.Own<>("n", "n1"));
    assertThat(concepts.resolve("school-2", "n")).contains(new Resolved.Own<>("n", "n2"));
    assertThat(concepts.resolve("clinic", "n")).isEmpty();
  }

  @Test
  @DisplayName("visible labels: the base once each in input order, then the tenant's new ones; never another's")
  void visibleLabels() {
    concepts.put("school-1", "z", "z1");
    concepts.put("school-1", "a", "a1");
    concepts.put("school-1", "@alice", "alice");
    concepts.put("school-2", "q", "q2");
    assertThat(concepts.visibleLabels("school-1")).containsExactly("a", "b", "@typical", "@002-f-22", "@alice", "z");
    assertThat(concepts.visibleLabels("school-2")).containsExactly("a", "b", "@typical", "@002-f-22", "q");
  }

  @Test
  @DisplayName("erasing a tenant's a shows the base a again; erasing what it never had changes nothing")
  void erasureRevealsBase() {
    concepts.put("school-1", "a", "a1");
    assertThat(concepts.remove("school-1", "a")).contains("a1");
    assertThat(concepts.resolve("school-1", "a")).contains(new Resolved.Base<>("a"));
    assertThat(concepts.remove("school-1", "a")).isEmpty();
    assertThat(concepts.remove("school-2", "b")).isEmpty();
    assertThat(concepts.resolve("school-2", "b")).contains(new Resolved.Base<>("b"));
    assertThat(concepts.own("school-1")).isEmpty();
  }

  @Test
  @DisplayName("a later concept of the same tenant and label replaces the earlier one")
  void laterReplaces() {
    concepts.put("school-1", "n", "v1");
    concepts.put("school-1", "n", "v2");
    assertThat(concepts.own("school-1")).containsExactlyEntriesOf(java.util.Map.of("n", "v2"));
    assertThat(concepts.isBase("n")).isFalse();
    assertThat(concepts.isBase("a")).isTrue();
  }

  @Test
  @DisplayName("a concept for a malformed tenant id is refused")
  void badTenantRefused() {
    assertThatThrownBy(() -> concepts.put("Evil/x", "n", "v")).hasMessageContaining("is not a tenant id");
  }
}
