package io.chargen.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargen.kafka.FreePorts;
import io.chargen.kafka.KafkaBroker;
import io.chargen.kafka.KafkaTestBroker;
import io.chargen.launcher.LocalSystem.Service;
import io.chargen.model.data.PenSample;
import io.chargen.model.fixtures.RealLetters;
import io.chargen.service.TestEnvironment;
import io.chargen.service.security.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two tenants on one system (issue 12): school-a teaches n and u as written, school-b teaches them swapped (its n is
 * the writer's u and its u the writer's n). The same query is then an n for one and a u for the other, each
 * generates its own n, neither lists, fetches or streams the other's, anonymous writes change nothing, and all of it
 * holds after every service restarted and rebuilt its state from Kafka.
 */
@ExtendWith(KafkaTestBroker.class)
class TenantsIT {
  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final Path SHIPPED_MODEL = RealLetters.dataFolder().getParent().getParent().resolve("models/base.cgm");
  private static final String WRITER = RealLetters.FIRST_WRITER;
  private static final Map<String, Object> N = Map.of("mix", Map.of("n", 1.0), "seed", 3, "steps", 30);
  private static LocalSystem system;
  private static DemoHttp a;
  private static DemoHttp b;

  @BeforeAll
  static void startSystem(KafkaBroker broker) throws Exception {
    broker.createTopics(LocalSystem.topics());
    int[] free = FreePorts.pick(Service.values().length);
    Map<Service, Integer> ports = new EnumMap<>(Service.class);
    for (Service s : Service.values()) {
      ports.put(s, free[s.ordinal()]);
    }
    system = new LocalSystem(broker.bootstrapServers(), SHIPPED_MODEL, ports, TestEnvironment.keys(),
        LocalSystem.LOCAL_HOST).start(System.err);
    a = new DemoHttp(token("school-a"));
    b = new DemoHttp(token("school-b"));
  }

  @AfterAll
  static void stopSystem() throws Exception {
    system.close();
  }

  private static String token(String tenant) {
    return system.token(tenant, Set.of(Role.TABLET, Role.DASHBOARD), Set.of("*"));
  }

  private static String teach(DemoHttp http, String label, char drawn) throws Exception {
    PenSample s = RealLetters.sample(WRITER, drawn, 0);
    return http.post(system.url(Service.CAPTURE) + "/v1/examples", PenJson.toJson(label, WRITER, s.points()))
        .path("id").asText();
  }

  /** @return label → "version/source example" of the tenant's learned concepts, once it sees {@code count} */
  private static Map<String, String> learned(DemoHttp http, Service service, int count) throws Exception {
    JsonNode json = http.pollUntil(system.url(service) + "/v1/concepts", WAIT,
        j -> learnedOf(j).size() >= count);
    return learnedOf(json);
  }

  private static Map<String, String> learnedOf(JsonNode json) {
    Map<String, String> learned = new HashMap<>();
    for (JsonNode c : json.path("concepts")) {
      if (c.path("learned").asBoolean()) {
        learned.put(c.path("label").asText(), c.path("version").asLong() + "/" + c.path("source_example_id")
            .asText());
      }
    }
    return learned;
  }

  private static String classify(DemoHttp http, char drawn) throws Exception {
    PenSample s = RealLetters.sample(WRITER, drawn, 1);
    String id = http.post(system.url(Service.CAPTURE) + "/v1/queries", PenJson.toJson(null, WRITER, s.points()))
        .path("id").asText();
    return http.pollUntil(system.url(Service.CAPTURE) + "/v1/queries/" + id, WAIT, j -> j.hasNonNull("label"))
        .path("label").asText();
  }

  private static JsonNode generate(DemoHttp http) throws Exception {
    String id = http.post(system.url(Service.GENERATOR) + "/v1/generations", N).path("id").asText();
    return http.pollUntil(system.url(Service.GENERATOR) + "/v1/generations/" + id, WAIT,
        j -> "done".equals(j.path("status").asText()));
  }

  @Test
  @DisplayName("two tenants teaching different n's classify and generate their own, see nothing of the other's, and"
      + " keep it all after every service restarted")
  void tenantsAreIsolated() throws Exception {
    List<String> streamA = stream(token("school-a"));
    String aN = teach(a, "n", 'n');
    String aU = teach(a, "u", 'u');
    String bN = teach(b, "n", 'u');
    String bU = teach(b, "u", 'n');
    System.out.printf("TenantsIT: examples a.n %s a.u %s b.n %s b.u %s%n", aN, aU, bN, bU);
    Map<String, String> conceptsA = learned(a, Service.CLASSIFIER, 2);
    Map<String, String> conceptsB = learned(b, Service.CLASSIFIER, 2);
    assertThat(conceptsA).containsExactlyInAnyOrderEntriesOf(Map.of("n", "1/" + aN, "u", "1/" + aU));
    assertThat(conceptsB).containsExactlyInAnyOrderEntriesOf(Map.of("n", "1/" + bN, "u", "1/" + bU));
    learned(a, Service.GENERATOR, 2);
    learned(b, Service.GENERATOR, 2);

    assertIsolated(streamA);
    Map<String, String> beforeRestartB = learned(b, Service.LEARNER, 2);
    assertThat(beforeRestartB.get("n")).as("school-b's own second n").startsWith("2/");

    for (Service s : Service.values()) {
      system.undeploy(s);
    }
    for (Service s : Service.values()) {
      system.deploy(s);
    }
    assertThat(learned(a, Service.LEARNER, 2)).as("after restarts").isEqualTo(conceptsA);
    assertThat(learned(b, Service.GENERATOR, 2)).as("after restarts").isEqualTo(beforeRestartB);
    assertIsolated(stream(token("school-a")));
  }

  @Test
  @DisplayName("erasing a concept and a writer tombstones them: every service forgets them, also after restarts,"
      + " and the other tenant keeps its own")
  void erasure() throws Exception {
    String tenant = "school-e";
    DemoHttp tablet = new DemoHttp(system.token(tenant, Set.of(Role.TABLET, Role.DASHBOARD), Set.of("*")));
    DemoHttp admin = new DemoHttp(system.token(tenant, Set.of(Role.ADMIN), Set.of()));
    for (char letter : new char[] {'a', 'c', 'e'}) { // trained letters of a named writer teach her hand
      PenSample s = RealLetters.sample(WRITER, letter, 0);
      tablet.post(system.url(Service.CAPTURE) + "/v1/examples", PenJson.toJson(String.valueOf(letter), "zoe",
          s.points()));
    }
    tablet.post(system.url(Service.CAPTURE) + "/v1/examples", PenJson.toJson("x", "zoe",
        RealLetters.sample(WRITER, 'x', 0).points()));
    teach(tablet, "o", 'o');
    DemoHttp other = new DemoHttp(token("school-f"));
    teach(other, "o", 'o');
    Map<String, String> othersBefore = learned(other, Service.LEARNER, 1);
    learned(tablet, Service.LEARNER, 3); // @zoe (possibly still at a lower version), x, o
    tablet.pollUntil(system.url(Service.LEARNER) + "/v1/concepts", WAIT,
        j -> learnedOf(j).getOrDefault("@zoe", "0/").startsWith("3/"));

    assertThatThrownBy(() -> tablet.delete(system.url(Service.LEARNER) + "/v1/erasure/concepts/o"))
        .as("a tablet may not erase").hasMessageContaining("403");
    assertThatThrownBy(() -> admin.delete(system.url(Service.LEARNER) + "/v1/erasure/concepts/a"))
        .as("the base is shared").hasMessageContaining("404");
    assertThat(admin.delete(system.url(Service.LEARNER) + "/v1/erasure/writers/zoe").path("erased").toString())
        .contains("@zoe", "x");
    assertThat(admin.delete(system.url(Service.LEARNER) + "/v1/erasure/concepts/o").path("erased").toString())
        .contains("o");
    for (Service s : List.of(Service.LEARNER, Service.CLASSIFIER, Service.GENERATOR)) {
      tablet.pollUntil(system.url(s) + "/v1/concepts", WAIT, j -> learnedOf(j).isEmpty());
    }
    for (Service s : Service.values()) {
      system.undeploy(s);
    }
    for (Service s : Service.values()) {
      system.deploy(s);
    }
    for (Service s : List.of(Service.LEARNER, Service.CLASSIFIER, Service.GENERATOR)) {
      assertThat(learned(tablet, s, 0)).as("%s after restarts", s).isEmpty();
    }
    assertThat(learned(other, Service.LEARNER, 1)).as("the other tenant's o").isEqualTo(othersBefore);
  }

  private void assertIsolated(List<String> streamA) throws Exception {
    assertThat(classify(a, 'n')).as("school-a's n is the writer's n").isEqualTo("n");
    assertThat(classify(b, 'n')).as("the same letter is school-b's u").isEqualTo("u");

    JsonNode genA = generate(a);
    JsonNode genB = generate(b);
    assertThat(genA.path("trajectories").get(0).path("points"))
        .as("the same request draws each tenant's own n").isNotEqualTo(genB.path("trajectories").get(0).path("points"));
    String idB = genB.path("id").asText();
    assertThatThrownBy(() -> a.get(system.url(Service.GENERATOR) + "/v1/generations/" + idB))
        .hasMessageContaining("404");
    assertThat(a.get(system.url(Service.GENERATOR) + "/v1/generations?limit=100").toString()).doesNotContain(idB);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (streamA.stream().noneMatch(e -> e.contains(genA.path("id").asText())) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(streamA).as("school-a's dashboard gets its own generation").anyMatch(e -> e.contains(genA.path("id")
        .asText()));
    assertThat(streamA).as("school-a's dashboard never gets school-b's generations").noneMatch(e -> e.contains(idB));

    Map<String, String> before = learned(a, Service.LEARNER, 2);
    assertThatThrownBy(() -> new DemoHttp("not-a-token").post(system.url(Service.CAPTURE) + "/v1/examples",
        PenJson.toJson("n", WRITER, RealLetters.sample(WRITER, 'o', 0).points()))).hasMessageContaining("401");
    assertThatThrownBy(() -> new DemoHttp(system.token("school-a", Set.of(Role.DASHBOARD), Set.of()))
        .post(system.url(Service.CAPTURE) + "/v1/examples", PenJson.toJson("n", WRITER,
            RealLetters.sample(WRITER, 'o', 0).points()))).hasMessageContaining("403");
    String bO = teach(b, "n", 'o'); // school-b's n changes; school-a's must not
    System.out.println("TenantsIT: school-b's second n is example " + bO);
    learned(b, Service.LEARNER, 2);
    Thread.sleep(2_000); // time for a wrongly shared version to show
    assertThat(learned(a, Service.LEARNER, 2)).as("anonymous, dashboard and other-tenant writes").isEqualTo(before);
    assertThatThrownBy(() -> a.post(system.url(Service.GENERATOR) + "/v1/generations",
        Map.of("mix", Map.of("zz", 1.0)))).hasMessageContaining("400").hasMessageNotContaining("\"n\"");
  }

  /** @return the text frames a dashboard of the token's tenant receives on /v1/stream */
  private static List<String> stream(String token) {
    List<String> frames = new CopyOnWriteArrayList<>();
    HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + token)
        .buildAsync(URI.create("ws://localhost:" + system.port(Service.GENERATOR) + "/v1/stream"),
            new WebSocket.Listener() {
              private final StringBuilder partial = new StringBuilder();

              @Override
              public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                  frames.add(partial.toString());
                  partial.setLength(0);
                }
                ws.request(1);
                return null;
              }
            }).join();
    return frames;
  }
}
