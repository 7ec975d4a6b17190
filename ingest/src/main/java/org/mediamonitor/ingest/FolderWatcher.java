package org.mediamonitor.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes article files dropped into a folder, each once. A file is read once its size and
 * modification time held for one poll interval (it may still be being copied), published, and
 * only after every record was acknowledged moved to {@code done/}; a file with refused records
 * goes to {@code failed/} with a {@code <name>.error.txt} note (its good records are published).
 * When the broker does not acknowledge, the file stays and is tried again. After a crash the file
 * is simply read again: the publisher recognises what was already published.
 *
 * <p>A {@link WatchService} wakes the scan early; the periodic scan is what counts, because watch
 * events are lost on some filesystems (network mounts, bind mounts in containers).
 */
public final class FolderWatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

  public static final String DONE = "done";
  public static final String FAILED = "failed";
  public static final String NOTE_SUFFIX = ".error.txt";

  private record Snapshot(long size, long modified, long firstSeenNanos) {
    boolean sameFile(Snapshot other) {
      return other != null && size == other.size && modified == other.modified;
    }
  }

  private final Path dir;
  private final Path done;
  private final Path failed;
  private final Duration poll;
  private final ArticleIngestor ingestor;
  private final Clock clock;
  private final Map<Path, Snapshot> seen = new HashMap<>();
  private volatile boolean running;
  private volatile boolean closed;
  private volatile Instant lastScan;
  private Thread thread;
  private WatchService watch;

  public FolderWatcher(Path dir, Duration poll, ArticleIngestor ingestor, Clock clock) {
    this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath();
    this.done = this.dir.resolve(DONE);
    this.failed = this.dir.resolve(FAILED);
    this.poll = Objects.requireNonNull(poll, "poll");
    this.ingestor = Objects.requireNonNull(ingestor, "ingestor");
    this.clock = clock;
  }

  /** Creates the folder and its done/ and failed/ folders, then starts the scanning thread. */
  public synchronized void start() throws IOException {
    if (running || closed) {
      return;
    }
    Files.createDirectories(done);
    Files.createDirectories(failed);
    try {
      watch = dir.getFileSystem().newWatchService();
      dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.warn("no watch service for {} ({}); scanning every {} ms only", dir, e.toString(), poll.toMillis());
      watch = null;
    }
    running = true;
    thread = new Thread(this::loop, "ingest-folder-watcher");
    thread.setDaemon(true);
    thread.start();
    LOG.info("watching {} for {} files every {} ms", dir, ArticleFiles.EXTENSIONS, poll.toMillis());
  }

  private void loop() {
    while (running) {
      try {
        scan();
      } catch (RuntimeException e) {
        LOG.error("scan of {} failed", dir, e);
      }
      try {
        waitForChange();
      } catch (InterruptedException | ClosedWatchServiceException e) {
        break;
      }
    }
  }

  private void waitForChange() throws InterruptedException {
    if (watch == null) {
      TimeUnit.MILLISECONDS.sleep(poll.toMillis());
      return;
    }
    WatchKey key = watch.poll(poll.toMillis(), TimeUnit.MILLISECONDS);
    if (key != null) {
      key.pollEvents();
      key.reset();
      // a file just appeared or grew: give the writer the rest of the interval before rescanning
      TimeUnit.MILLISECONDS.sleep(Math.min(poll.toMillis(), 200));
    }
  }

  /** One pass: every supported file whose size held since the previous pass is published. */
  void scan() {
    lastScan = clock.instant();
    Set<Path> present = new HashSet<>();
    List<Path> ready = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path file : entries) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || !ArticleFiles.supported(file)) {
          continue;
        }
        BasicFileAttributes attrs;
        try {
          attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
          continue;
        }
        if (!attrs.isRegularFile()) {
          continue;
        }
        present.add(file);
        Snapshot now = new Snapshot(attrs.size(), attrs.lastModifiedTime().toMillis(), System.nanoTime());
        Snapshot before = seen.get(file);
        if (now.sameFile(before) && now.firstSeenNanos() - before.firstSeenNanos() >= poll.toNanos()) {
          ready.add(file);
        } else if (!now.sameFile(before)) {
          seen.put(file, now);
        }
      }
    } catch (IOException e) {
      LOG.warn("cannot list {}: {}", dir, e.toString());
      return;
    }
    seen.keySet().retainAll(present);
    ready.sort(null);
    for (Path file : ready) {
      if (closed) {
        return;
      }
      process(file);
    }
  }

  private void process(Path file) {
    String name = file.getFileName().toString();
    PublishCounts counts;
    try {
      counts = ArticleFiles.publish(file, ingestor, EntryPoint.FOLDER);
    } catch (IOException e) {
      LOG.warn("cannot read {}: {}", file, e.toString());
      return;
    }
    if (counts.failed() > 0) {
      // the broker did not take everything: keep the file and try again; what did get through is deduplicated
      LOG.warn("{}: {}; the file stays in {} and is tried again", name, counts, dir);
      seen.remove(file);
      return;
    }
    try {
      if (counts.rejected() > 0) {
        Path target = freeName(failed, name);
        Files.writeString(failed.resolve(target.getFileName() + NOTE_SUFFIX), note(name, counts),
            StandardCharsets.UTF_8);
        move(file, target);
        LOG.warn("{}: {}; moved to {}", name, counts, target);
      } else {
        Path target = freeName(done, name);
        move(file, target);
        LOG.info("{}: {}; moved to {}", name, counts, target);
      }
      seen.remove(file);
    } catch (IOException e) {
      LOG.error("{} was published but could not be moved out of {}: {}", name, dir, e.toString());
    }
  }

  private String note(String name, PublishCounts counts) {
    StringBuilder note = new StringBuilder()
        .append("media-monitor ingest refused records of ").append(name).append(" at ").append(clock.instant())
        .append('\n')
        .append(counts).append('\n')
        .append('\n');
    for (String problem : counts.problems()) {
      note.append(problem).append('\n');
    }
    if (counts.problems().size() < counts.rejected()) {
      note.append("(only the first ").append(counts.problems().size()).append(" are listed)\n");
    }
    note.append('\n')
        .append("Refused records were sent to the dead-letters topic. The other records were published;\n")
        .append("putting the corrected file back into the folder is safe: what was published is not published again.\n");
    return note.toString();
  }

  /** {@code name}, or {@code base-1.ext}, {@code base-2.ext}... if a file of that name is already there. */
  private static Path freeName(Path folder, String name) {
    Path target = folder.resolve(name);
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    for (int i = 1; Files.exists(target) || Files.exists(folder.resolve(target.getFileName() + NOTE_SUFFIX)); i++) {
      target = folder.resolve(base + "-" + i + ext);
    }
    return target;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  public Path dir() {
    return dir;
  }

  public boolean isRunning() {
    return running && thread != null && thread.isAlive();
  }

  /** When the folder was last scanned, or null before the first scan. */
  public Instant lastScan() {
    return lastScan;
  }

  @Override
  public synchronized void close() {
    closed = true;
    running = false;
    if (watch != null) {
      try {
        watch.close();
      } catch (IOException e) {
        LOG.debug("closing the watch service: {}", e.toString());
      }
    }
    if (thread != null) {
      thread.interrupt();
      try {
        // a file being published finishes first: at most the acknowledgement wait
        thread.join(JsonLines.waitMillis(ingestor) + 1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
