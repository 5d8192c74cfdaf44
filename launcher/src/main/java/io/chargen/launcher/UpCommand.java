package io.chargen.launcher;

import io.chargen.kafka.EmbeddedKafka;
import io.chargen.service.security.DevKeys;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code chargen up}: the whole system on one machine — a real in-process Kafka broker, the four services in one JVM
 * and the shipped base model — until Ctrl-C. With {@code --demo} it replays a shipped writer's letters through the
 * public HTTP APIs, as a tablet and a dashboard would.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Run the whole system on an embedded Kafka broker with the shipped model; Ctrl-C stops it.")
final class UpCommand implements Callable<Integer> {

  @Option(names = "--model", defaultValue = ModelOptions.SHIPPED_MODEL, description = "Base model (default: shipped).")
  Path model;
  @Option(names = "--kafka-port", defaultValue = "9092", description = "Broker port (default: ${DEFAULT-VALUE}; 0: any).")
  int kafkaPort;
  @Option(names = "--demo", description = "Replay a shipped writer's letters: learn, generate, blend, classify.")
  boolean demo;
  @Option(names = "--demo-writer", defaultValue = "${sys:chargen.home:-.}/data/splits/heldout/"
      + "008-f-21-right_2019-06-19-12-24-59_preprocessed.txt.gz", description = "Writer file the demo replays.")
  Path demoWriter;
  @Option(names = "--demo-out", defaultValue = "demo-output", description = "Where the demo saves its pictures.")
  Path demoOut;
  @Option(names = "--exit-after-demo", description = "Stop after the demo instead of waiting for Ctrl-C.")
  boolean exitAfterDemo;
  @Option(names = "--host", defaultValue = LocalSystem.LOCAL_HOST, description = "Interface the services bind "
      + "(default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 lets tablets on the network in).")
  String host;
  @Option(names = "--key-dir", defaultValue = "${sys:chargen.home:-.}/" + DevKeys.DIRECTORY,
      description = "Folder of the development signing key, created once (default: the checkout's .chargen).")
  Path keyDir;

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    EmbeddedKafka broker = EmbeddedKafka.builder().clientPort(kafkaPort).start();
    broker.createTopics(LocalSystem.topics());
    DevKeys keys = DevKeys.createOrLoad(keyDir); // once per checkout: tokens stay valid across restarts
    LocalSystem system = new LocalSystem(broker.bootstrapServers(), model, Map.of(), keys, host);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown(system, broker, stopped), "chargen-shutdown"));
    system.start(System.err);
    System.err.printf("chargen is up in %.1f s: Kafka at %s, model %s, services on %s. Ctrl-C stops everything.%n",
        (System.nanoTime() - started) / 1e9, broker.bootstrapServers(), model, host);
    System.err.printf("Open (tenant %s, tokens valid %d h; more with ./chargen token --tenant T --role R):%n",
        LocalSystem.DEMO_TENANT, LocalSystem.TOKEN_TTL.toHours());
    system.pageUrls().forEach((page, url) -> System.err.printf("  %-9s %s%n", page, url));
    if (demo) {
      new Demo(demoWriter, demoOut, System.err, system.clientToken()).run();
      if (exitAfterDemo) {
        System.exit(0);
      }
    }
    stopped.await();
    return 0;
  }

  private static void shutDown(LocalSystem system, EmbeddedKafka broker, CountDownLatch stopped) {
    System.err.println("chargen: stopping services and broker...");
    try {
      system.close();
    } catch (Exception e) {
      System.err.println("chargen: services did not stop cleanly: " + e);
    } finally {
      broker.close();
      stopped.countDown();
    }
  }
}
