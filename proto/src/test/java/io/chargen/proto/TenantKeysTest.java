package io.chargen.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantKeysTest {

  @Test
  @DisplayName("a key is tenant/id and parses back into both")
  void keyRoundTrips() {
    assertThat(TenantKeys.key("school-7", "n")).isEqualTo("school-7/n");
    assertThat(TenantKeys.parse("school-7/n")).isEqualTo(new TenantKeys.Scoped("school-7", "n"));
    assertThat(TenantKeys.parse("demo/@alice")).isEqualTo(new TenantKeys.Scoped("demo", "@alice"));
  }

  @Test
  @DisplayName("two tenants' n are two keys, so compaction never lets one overwrite the other")
  void tenantsHaveDistinctKeys() {
    assertThat(TenantKeys.key("a", "n")).isNotEqualTo(TenantKeys.key("b", "n"));
  }

  @Test
  @DisplayName("a key written before tenants (no separator) and an empty tenant field belong to the default tenant")
  void legacyKeysBelongToDefaultTenant() {
    assertThat(TenantKeys.parse("n")).isEqualTo(new TenantKeys.Scoped(TenantKeys.DEFAULT_TENANT, "n"));
    assertThat(TenantKeys.tenantOf("")).isEqualTo(TenantKeys.DEFAULT_TENANT);
    assertThat(TenantKeys.tenantOf("school-7")).isEqualTo("school-7");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "School", "-a", "a-", "a/b", "a_b", "ä", "a b", "x\u202E"})
  @DisplayName("a tenant id that is not a lower-case DNS label is refused, naming the value and the rule")
  void badTenantsRefused(String tenant) {
    assertThatThrownBy(() -> TenantKeys.key(tenant, "n")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenant \"").hasMessageContaining("is not a tenant id: 1-63 lower-case letters");
  }

  @Test
  @DisplayName("a 64-character tenant id is refused and quoted only in part")
  void longTenantRefused() {
    assertThatThrownBy(() -> TenantKeys.requireTenant("a".repeat(64)))
        .hasMessage("tenant \"" + "a".repeat(24) + "…\" is not a tenant id: 1-63 lower-case letters a-z, digits and"
            + " inner '-'");
    assertThat(TenantKeys.requireTenant("a".repeat(63))).hasSize(63);
  }

  @Test
  @DisplayName("an empty id and a bad tenant before the separator are refused")
  void badKeysRefused() {
    assertThatThrownBy(() -> TenantKeys.key("a", "")).hasMessage("the id of a key of tenant a is empty");
    assertThatThrownBy(() -> TenantKeys.parse("Evil/n")).hasMessageContaining("tenant \"Evil\"");
  }
}
