package io.chargen.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargen.service.security.DevKeys;
import io.chargen.service.security.OriginGuard.Verdict;
import io.chargen.service.security.OriginGuard;
import io.chargen.service.security.TenantRateLimiter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpSettingsTest {
  @TempDir
  Path dir;

  private Env env(String... pairs) {
    Map<String, String> values = new HashMap<>(DevKeys.createOrLoad(dir).serviceEnvironment());
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(pairs[i], pairs[i + 1]);
    }
    return new Env(values);
  }

  @Test
  @DisplayName("defaults: every interface, the service's port, metrics on 9464, same origin only, 1200/min per tenant")
  void defaults() {
    HttpSettings settings = HttpSettings.fromEnv(env(), 8081);
    assertThat(settings.host()).isEqualTo("0.0.0.0");
    assertThat(settings.port()).isEqualTo(8081);
    assertThat(settings.managementPort()).isEqualTo(9464);
    assertThat(settings.originGuard().check("https://school.example", "localhost:8081")).isEqualTo(Verdict.REFUSED);
    assertThat(settings.rateLimiter().acquire("t")).isZero();
  }

  @Test
  @DisplayName("CHARGEN_ALLOWED_ORIGINS: listed origins pass; an entry that is not an origin is named")
  void origins() {
    assertThat(HttpSettings.fromEnv(env(OriginGuard.ALLOWED_ORIGINS, " https://school.example , "), 8081)
        .originGuard().check("https://school.example", "localhost:8081")).isEqualTo(Verdict.LISTED);
    assertThatThrownBy(() -> HttpSettings.fromEnv(env(OriginGuard.ALLOWED_ORIGINS, "https://ok.example,*"), 8081))
        .isInstanceOf(ConfigException.class)
        .hasMessage("CHARGEN_ALLOWED_ORIGINS: \"*\" is not an origin: write scheme://host[:port] with scheme http or"
            + " https and no path, e.g. https://school.example");
    assertThatThrownBy(() -> HttpSettings.fromEnv(env(OriginGuard.ALLOWED_ORIGINS, "school.example"), 8081))
        .hasMessageContaining("\"school.example\" is not an origin");
  }

  @Test
  @DisplayName("rates below 1, ports out of range, one port for API and metrics, and no key are refused by name")
  void refusals() {
    assertThatThrownBy(() -> HttpSettings.fromEnv(env(TenantRateLimiter.RATE, "0"), 8081))
        .isInstanceOf(ConfigException.class).hasMessage("CHARGEN_RATE_LIMIT_PER_MINUTE=0 is outside 1..2147483647");
    assertThatThrownBy(() -> HttpSettings.fromEnv(env(TenantRateLimiter.BURST, "lots"), 8081))
        .hasMessage("CHARGEN_RATE_LIMIT_BURST=lots is not an integer");
    assertThatThrownBy(() -> HttpSettings.fromEnv(env(HttpSettings.MANAGEMENT_PORT, "8081"), 8081))
        .hasMessage("CHARGEN_HTTP_PORT and CHARGEN_MANAGEMENT_PORT are both 8081: /metrics must be on a port of its"
            + " own");
    assertThatThrownBy(() -> HttpSettings.fromEnv(env(HttpSettings.PORT, "70000"), 8081))
        .hasMessageContaining("CHARGEN_HTTP_PORT=70000");
    assertThatThrownBy(() -> HttpSettings.fromEnv(new Env(Map.of()), 8081))
        .hasMessageContaining("neither CHARGEN_AUTH_PUBLIC_KEY nor CHARGEN_AUTH_JWKS is set");
  }
}
