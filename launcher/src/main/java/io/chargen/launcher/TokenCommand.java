package io.chargen.launcher;

import io.chargen.model.InvalidNameException;
import io.chargen.model.Names;
import io.chargen.service.security.Caller;
import io.chargen.service.security.DevKeys;
import io.chargen.service.security.Role;
import io.chargen.service.security.TokenIssuer;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code chargen token}: prints a bearer token signed with the development key that {@code chargen up} verifies
 * with (issue 12), created once under {@code .chargen/} of the checkout if it does not exist yet. The token goes to
 * standard output alone, so {@code TOKEN=$(./chargen token …)} works; what it grants goes to standard error.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
    description = "Print a bearer token that the system run by ./chargen up accepts (development key).")
final class TokenCommand implements Callable<Integer> {
  private static final Pattern TTL = Pattern.compile("(\\d{1,6})([smhd])");

  @Spec
  CommandSpec spec;
  @Option(names = "--tenant", required = true, description = "Tenant id, e.g. demo (lower-case letters, digits, -).")
  String tenant;
  @Option(names = "--role", required = true, split = ",",
      description = "tablet, dashboard or admin; several as --role tablet,dashboard.")
  List<String> roles;
  @Option(names = "--writer", description = "A writer name a tablet may write as (repeatable; * for any).")
  List<String> writers = new ArrayList<>();
  @Option(names = "--ttl", defaultValue = "1h", description = "Lifetime: 30m, 1h, 7d… (default: ${DEFAULT-VALUE}).")
  String ttl;
  @Option(names = "--subject", defaultValue = "chargen-token", description = "The token's sub (default: "
      + "${DEFAULT-VALUE}).")
  String subject;
  @Option(names = "--key-dir", defaultValue = "${sys:chargen.home:-.}/" + DevKeys.DIRECTORY,
      description = "Folder of the development key (default: the checkout's .chargen).")
  Path keyDir;

  @Override
  public Integer call() {
    TokenIssuer.Claims claims;
    try {
      claims = new TokenIssuer.Claims(subject, tenant, roles(), writers(), duration());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    DevKeys keys = DevKeys.createOrLoad(keyDir);
    Vertx vertx = Vertx.vertx();
    try {
      System.out.println(TokenIssuer.development(vertx, keys).issue(claims));
    } finally {
      vertx.close();
    }
    spec.commandLine().getErr().printf("chargen: token for tenant %s, roles %s%s, valid %s (key %s)%n",
        claims.tenant(), claims.roles().stream().sorted().map(Role::claim).toList(),
        claims.writers().isEmpty() ? "" : ", writers " + new java.util.TreeSet<>(claims.writers()), ttl,
        keys.verificationKey().getParent());
    return 0;
  }

  private Set<Role> roles() {
    Set<Role> parsed = EnumSet.noneOf(Role.class);
    for (String role : roles) {
      parsed.add(Role.fromClaim(role.trim()).orElseThrow(() -> new IllegalArgumentException(
          "--role " + Names.excerpt(role) + " is not one of tablet, dashboard, admin")));
    }
    return parsed;
  }

  private Set<String> writers() {
    Set<String> names = new LinkedHashSet<>();
    for (String writer : writers) {
      try {
        names.add(Caller.ANY_WRITER.equals(writer) ? writer : Names.writer("--writer", writer));
      } catch (InvalidNameException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }
    names.remove("");
    return names;
  }

  private Duration duration() {
    Matcher m = TTL.matcher(ttl);
    if (!m.matches()) {
      throw new IllegalArgumentException("--ttl " + Names.excerpt(ttl) + " is not a number with s, m, h or d");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
