package io.chargen.launcher;

import io.chargen.kafka.EmbeddedKafka;
import io.chargen.kafka.KafkaBroker;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The chaos suite's broker: the embedded KRaft broker in a process of its own, so that it can be frozen (SIGSTOP: its
 * sockets stay open and answer nothing, as a hung or swapped-out broker does) as well as stopped, and so that the
 * heap the suite reports is the services' alone.
 */
final class ChaosBroker implements KafkaBroker {
  private static final String READY = "chaos-broker ready";
  private static final long START_TIMEOUT_S = 120;
  private final int port;
  private final Path logDir;
  private Process process;

  private ChaosBroker(int port, Path logDir) {
    this.port = port;
    this.logDir = logDir;
  }

  /**
   * @param port the client port, kept across restarts
   * @param logDir the data directory, kept across restarts
   * @return the broker, running with the system's topics
   */
  static ChaosBroker start(int port, Path logDir) throws IOException, InterruptedException {
    ChaosBroker broker = new ChaosBroker(port, logDir);
    broker.restart();
    return broker;
  }

  /** Starts the process again on the same port and data; returns once the broker answers. */
  synchronized void restart() throws IOException, InterruptedException {
    File log = File.createTempFile("chaos-broker-", ".log");
    process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-cp",
        System.getProperty("java.class.path"), ChaosBroker.class.getName(), Integer.toString(port), logDir.toString())
        .redirectErrorStream(true).start();
    CompletableFuture<Boolean> ready = new CompletableFuture<>();
    Thread copy = new Thread(() -> copyOutput(process, log, ready), "chaos-broker-log");
    copy.setDaemon(true);
    copy.start();
    try {
      if (!ready.get(START_TIMEOUT_S, TimeUnit.SECONDS)) {
        throw new IOException("the chaos broker exited before it was ready; its output: " + log);
      }
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new IOException("the chaos broker did not start within " + START_TIMEOUT_S + " s; its output: " + log, e);
    }
  }

  /** SIGSTOP: the process keeps its sockets and answers nothing. */
  void freeze() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** SIGCONT after {@link #freeze()}. */
  void thaw() throws IOException, InterruptedException {
    signal("CONT");
  }

  @Override
  public String bootstrapServers() {
    return "localhost:" + port;
  }

  /** Stops the broker (SIGTERM: it closes cleanly, as a rolling restart would) and waits for the process. */
  @Override
  public synchronized void close() {
    if (process != null && process.isAlive()) {
      try {
        thaw(); // a frozen process would not handle SIGTERM
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      } catch (IOException e) {
        process.destroyForcibly();
      }
    }
  }

  private void signal(String name) throws IOException, InterruptedException {
    int exit = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    if (exit != 0) {
      throw new IOException("kill -" + name + " " + process.pid() + " exited " + exit);
    }
  }

  /** Copies the child's output to its log; completes {@code ready} when it says so, or false when it ends before. */
  private static void copyOutput(Process child, File log, CompletableFuture<Boolean> ready) {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8)); PrintWriter writer = new PrintWriter(log, StandardCharsets.UTF_8)) {
      for (String line; (line = out.readLine()) != null; ) {
        writer.println(line);
        writer.flush();
        if (line.contains(READY)) {
          ready.complete(true);
        }
      }
    } catch (IOException e) {
      // the broker's process ended
    } finally {
      ready.complete(false);
    }
  }

  /** The child: {@code ChaosBroker <port> <logDir>} runs the broker with the system's topics until terminated. */
  public static void main(String[] args) throws InterruptedException {
    EmbeddedKafka broker = EmbeddedKafka.builder().clientPort(Integer.parseInt(args[0]))
        .logDirectory(Path.of(args[1])).start();
    Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "chaos-broker-stop"));
    broker.createTopics(LocalSystem.topics());
    System.out.println(READY);
    System.out.flush();
    Thread.currentThread().join();
  }
}
