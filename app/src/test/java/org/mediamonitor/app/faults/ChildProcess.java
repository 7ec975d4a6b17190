package org.mediamonitor.app.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.mediamonitor.app.MediaMonitor;

/**
 * A {@code media-monitor <command>} running in a child JVM started from this JVM's class path, as
 * compose runs one service per container. {@link #kill()} is SIGKILL on Linux: no shutdown hook runs,
 * no transaction is committed or aborted, the state directory keeps whatever was on disk.
 */
final class ChildProcess implements AutoCloseable {

  private static final long STOP_TIMEOUT_SECONDS = 45;
  private static final long KILL_TIMEOUT_SECONDS = 15;

  private final String name;
  private final Path log;
  private final Process process;

  private ChildProcess(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
  }

  /**
   * Starts {@code media-monitor args...}. The class path goes by the CLASSPATH environment variable,
   * as {@code EmbeddedKafkaBroker} does for its child: under failsafe {@code java.class.path} may be a
   * manifest-only booter jar, whose manifest {@code Class-Path} the child JVM follows just the same.
   * Inherited {@code MEDIA_MONITOR_*} and {@code KAFKA_*} variables are dropped so that only
   * {@code env} configures the child.
   */
  static ChildProcess start(String name, List<String> args, Map<String, String> env, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    // two cores are shared by the broker, two or three services and the test itself
    command.add("-XX:+UseSerialGC");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add(MediaMonitor.class.getName());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().keySet().removeIf(k -> k.startsWith("MEDIA_MONITOR_") || k.startsWith("KAFKA_"));
    pb.environment().putAll(env);
    pb.environment().put("CLASSPATH", System.getProperty("java.class.path"));
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, "=== starting " + name + ": " + String.join(" ", args) + System.lineSeparator(),
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      Process process = pb.start();
      // a test JVM that ends abruptly must not leave services running against a dead broker
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "kill-" + name));
      return new ChildProcess(name, log, process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  boolean alive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** SIGKILL, as the kernel's OOM killer or a pulled plug would; waits until the process is gone. */
  void kill() {
    process.destroyForcibly();
    if (!waitFor(KILL_TIMEOUT_SECONDS)) {
      throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL");
    }
  }

  /** SIGTERM, the clean way: the shutdown hook closes the Streams client, leaving the group. */
  void stop() {
    process.destroy();
    if (!waitFor(STOP_TIMEOUT_SECONDS)) {
      kill();
      throw new IllegalStateException(name + " did not stop within " + STOP_TIMEOUT_SECONDS + " s of SIGTERM; see " + log);
    }
  }

  /** Exit code, or -1 while it runs. */
  int exitCode() {
    return process.isAlive() ? -1 : process.exitValue();
  }

  private boolean waitFor(long seconds) {
    try {
      return process.waitFor(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  @Override
  public String toString() {
    return name + "[pid " + process.pid() + ", log " + log + "]";
  }
}
