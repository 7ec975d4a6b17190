package org.mediamonitor.ingest;

/**
 * What ingest knows of every article id ever published to raw-articles: the last acknowledged
 * content hash (64 bits of it) and revision. {@link ArticlePublisher} consults it on every publish
 * to tell {@code UNCHANGED}, a new revision and a new article apart.
 *
 * <p>Two kinds: {@link DiskKnownArticles} keeps it on disk with the topic position it reflects, so
 * the heap does not grow with the years and a restart reads only what was written since;
 * {@link PublishedState} keeps it on the heap (~28 bytes an article) and is rebuilt by reading the
 * whole topic at each start: for tests, and when another process holds the disk store.
 */
interface KnownArticles extends AutoCloseable {

  /** The last acknowledged state of {@code id}, or null when it was never published. */
  PublishedState.Known get(String id);

  /** The broker acknowledged revision {@code revision} of {@code id} at {@code partition}/{@code offset}. */
  void acknowledged(String id, String contentHash, int revision, int partition, long offset);

  /** Ids known to have been published (an estimate where the store only estimates). */
  long size();

  /**
   * Records of raw-articles written but not yet applied to this state, when it follows the topic
   * (the disk store's follower); empty when it does not, or before it first polled.
   */
  default java.util.OptionalLong behind() {
    return java.util.OptionalLong.empty();
  }

  /** For the start-up log: how many, and where the state lives. */
  String describe();

  @Override
  void close();
}
