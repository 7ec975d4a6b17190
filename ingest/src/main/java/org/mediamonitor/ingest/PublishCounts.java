package org.mediamonitor.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What publishing a file or stream did.
 *
 * @param published records written and acknowledged
 * @param unchanged records already published with the same content
 * @param rejected records refused (each sent to the dead-letters topic)
 * @param failed records the broker did not acknowledge: publish the input again later
 * @param problems one line per rejected or failed record ({@code line 3: invalid_json: ...}), at most
 *     {@link #MAX_PROBLEMS}
 */
public record PublishCounts(long published, long unchanged, long rejected, long failed, List<String> problems) {

  public static final int MAX_PROBLEMS = 1000;

  public PublishCounts {
    problems = List.copyOf(problems);
  }

  /** True when every record is now on the topic. */
  public boolean complete() {
    return rejected == 0 && failed == 0;
  }

  public PublishCounts plus(PublishCounts other) {
    List<String> all = new ArrayList<>(problems);
    other.problems.stream().limit(Math.max(0, MAX_PROBLEMS - all.size())).forEach(all::add);
    return new PublishCounts(published + other.published, unchanged + other.unchanged,
        rejected + other.rejected, failed + other.failed, all);
  }

  @Override
  public String toString() {
    return "published " + published + ", unchanged " + unchanged + ", rejected " + rejected + ", failed " + failed;
  }

  /** Collects outcomes while records are in flight. Not thread-safe: one reader thread fills it. */
  static final class Tally {
    private long published;
    private long unchanged;
    private long rejected;
    private long failed;
    private final List<String> problems = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();
    private final long waitMillis;

    private record Pending(String where, CompletableFuture<PublishResult> future) {}

    Tally(long waitMillis) {
      this.waitMillis = waitMillis;
    }

    void rejected(String where, InvalidArticleException e, CompletableFuture<Void> deadLetter) {
      rejected++;
      problem(where + ": " + e.rejection().code() + ": " + e.getMessage());
      try {
        // the dead letter is on the topic before the input is reported done (or moved)
        deadLetter.get(waitMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException ignored) {
        // logged by the ingestor; the refusal stands
      }
    }

    void pending(String where, CompletableFuture<PublishResult> future, int window) {
      pending.add(new Pending(where, future));
      if (pending.size() >= window) {
        drain();
      }
    }

    /** Waits for every record in flight. */
    void drain() {
      for (Pending p : pending) {
        try {
          PublishResult r = p.future().get(waitMillis, TimeUnit.MILLISECONDS);
          if (r.status() == PublishResult.Status.PUBLISHED) {
            published++;
          } else {
            unchanged++;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failed++;
          problem(p.where() + ": interrupted before the broker acknowledged");
        } catch (ExecutionException | TimeoutException e) {
          failed++;
          Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
          problem(p.where() + ": not acknowledged by the broker: " + cause);
        }
      }
      pending.clear();
    }

    private void problem(String text) {
      if (problems.size() < MAX_PROBLEMS) {
        problems.add(text);
      }
    }

    PublishCounts counts() {
      drain();
      return new PublishCounts(published, unchanged, rejected, failed, problems);
    }
  }
}
