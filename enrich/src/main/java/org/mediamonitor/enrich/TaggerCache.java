package org.mediamonitor.enrich;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import org.mediamonitor.schema.TaxonomyRelease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled taggers by taxonomy version, shared by the global taxonomy loader and every tagging
 * task of one topology. The loader compiles a release as soon as it arrives (on the global
 * thread), so a tagging task usually finds it compiled; a version is compiled at most once.
 * A version names one content: republishing different content under the same version has no effect.
 *
 * <p>It also holds the release the global store holds now ({@link #announced()}), so that tagging
 * tasks need not read the store per article: a store read decodes the whole release (the bundled
 * taxonomy is about 80 KB of text) every time.
 */
final class TaggerCache {

  private static final Logger LOG = LoggerFactory.getLogger(TaggerCache.class);
  /** Tasks may briefly disagree on the version during a switch; a few entries cover that. */
  static final int MAX_VERSIONS = 8;

  /** The result of compiling one release: a tagger, or why the release was rejected. */
  static final class Outcome {
    private final String version;
    private final Tagger tagger;
    private final String error;
    private final String errorClass;
    private final Integer partition;
    private final Long offset;
    private final AtomicBoolean reported = new AtomicBoolean();

    private Outcome(String version, Tagger tagger, String error, String errorClass, Integer partition, Long offset) {
      this.version = version;
      this.tagger = tagger;
      this.error = error;
      this.errorClass = errorClass;
      this.partition = partition;
      this.offset = offset;
    }

    boolean valid() {
      return tagger != null;
    }

    String version() {
      return version;
    }

    Tagger tagger() {
      return tagger;
    }

    String error() {
      return error;
    }

    String errorClass() {
      return errorClass;
    }

    Integer partition() {
      return partition;
    }

    Long offset() {
      return offset;
    }

    /** True for exactly one caller: the task that dead-letters a rejected release. */
    boolean claimReport() {
      return reported.compareAndSet(false, true);
    }
  }

  private final TaggerFactory factory;
  private final EnrichMetrics metrics;
  private final Map<String, Outcome> byVersion = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Outcome> eldest) {
      return size() > MAX_VERSIONS;
    }
  };

  /**
   * The release under {@link EnrichTopology#RELEASE_KEY} in the global store, as the loader (the
   * store's only writer) last put it; null before any release and after a tombstone. Written by the
   * global thread, read by every stream thread: volatile, and the release is never modified after.
   */
  private volatile TaxonomyRelease announced;

  TaggerCache(TaggerFactory factory, EnrichMetrics metrics) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** Seeds the cache with the tagger the topology starts with. */
  synchronized void put(Tagger tagger) {
    byVersion.put(tagger.version(), new Outcome(tagger.version(), tagger, null, null, null, null));
  }

  /** Records the release the global store now holds (null: none); called by the taxonomy loader only. */
  void announce(TaxonomyRelease release) {
    announced = release;
  }

  /** The release the global store holds now, or null; a volatile read, no decoding. */
  TaxonomyRelease announced() {
    return announced;
  }

  /** The compiled release, compiling it now if no one has; never throws. */
  synchronized Outcome compile(TaxonomyRelease release, Integer partition, Long offset) {
    Outcome known = byVersion.get(release.getVersion());
    if (known != null) {
      return known;
    }
    Outcome outcome = doCompile(release, partition, offset);
    byVersion.put(release.getVersion(), outcome);
    metrics.taxonomyCompiled(release.getVersion(), outcome.valid());
    if (outcome.valid()) {
      LOG.info("taxonomy {} compiled", release.getVersion());
    } else {
      LOG.warn("taxonomy release {} rejected, the previous version stays in use: {}", release.getVersion(), outcome.error());
    }
    return outcome;
  }

  private Outcome doCompile(TaxonomyRelease release, Integer partition, Long offset) {
    String version = release.getVersion();
    try {
      Tagger tagger = factory.compile(release.getContent());
      if (tagger == null) {
        return new Outcome(version, null, "release " + version + ": the factory returned no tagger", null, partition, offset);
      }
      if (!version.equals(tagger.version())) {
        // the version stamped on articles must be the one the release announced
        return new Outcome(version, null, "release " + version + " carries a taxonomy whose own version is '"
            + tagger.version() + "'", IllegalArgumentException.class.getName(), partition, offset);
      }
      return new Outcome(version, tagger, null, null, partition, offset);
    } catch (RuntimeException e) {
      return new Outcome(version, null, "release " + version + ": " + e.getMessage(), e.getClass().getName(), partition, offset);
    }
  }
}
