package org.mediamonitor.ingest;

import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.LongLongHashMap;
import org.mediamonitor.schema.RawArticle;

/**
 * {@link KnownArticles} on the heap: the last acknowledged state of every article id ever
 * published, 64 bits of its content hash and its revision, rebuilt from the whole topic at start.
 * The service keeps it on disk instead ({@link DiskKnownArticles}); this one serves tests and the
 * run where another process holds the disk store.
 *
 * <p>It holds one entry per article (millions of ids over the years), so it holds no objects per
 * entry. A map of id strings to records cost ~150 bytes an article (the
 * 32-character id as a String and its byte[], the map node, the record) and grew the heap of the
 * all-in-one by ~2 MB a minute at 200 articles/s. Here an id is its 64-bit
 * {@link ArticleIds#fingerprint}, and the entries live in primitive open-addressing arrays:
 * {@code fingerprint -> content-hash prefix} (16 bytes a slot; at hppc's load factor of 0.75 and
 * doubling growth, 21–43 bytes an article), plus {@code fingerprint -> revision} only for the
 * few articles past revision 1 (12 bytes a slot). The 96 bits of hash prefix and revision do not
 * fit one long: packing them would cut either the hash (more false {@code UNCHANGED}) or the
 * revision range, so the rare revisions get a map of their own.
 *
 * <p>Two ids share a fingerprint with probability 2^-64 a pair (at most n^2 / 2^65 among n ids:
 * 3e-8 for a million). If it ever happened, the newer article would be published as the next
 * revision of the other one rather than as revision 1 (revisions are informational; records are
 * keyed by the full id), or, should its content hash also share 64 bits with the other's, be
 * taken for unchanged.
 *
 * <p>Thread-safe: each operation holds this object's lock for a few nanoseconds (a rehash, when
 * the table doubles, for a few milliseconds per million entries). Publishes of one id are
 * already ordered by the publisher; like the concurrent map this replaces, the state needs only
 * each single read or write to be atomic.
 */
final class PublishedState implements KnownArticles {

  /** The last acknowledged state of one id, as a value (nothing keeps it). */
  record Known(long hashPrefix, int revision) {

    static Known of(String contentHash, int revision) {
      return new Known(prefix(contentHash), revision);
    }

    boolean sameContent(String contentHash) {
      return hashPrefix == prefix(contentHash);
    }
  }

  /** An article's revision unless {@link #revisions} says otherwise. */
  private static final int FIRST_REVISION = 1;

  private final LongLongHashMap hashPrefixes;
  private final LongIntHashMap revisions = new LongIntHashMap();

  PublishedState() {
    this(0);
  }

  PublishedState(int expectedArticles) {
    hashPrefixes = new LongLongHashMap(expectedArticles);
  }

  /**
   * The first 64 bits of a content hash (hex SHA-256), as the state keeps it. A hash that is not
   * hex (only a foreign record could carry one) is digested instead of stopping the load.
   */
  static long prefix(String contentHash) {
    try {
      return Long.parseUnsignedLong(contentHash.substring(0, 16), 16);
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return ArticleIds.fingerprint("content:" + contentHash);
    }
  }

  @Override
  public synchronized Known get(String id) {
    long key = ArticleIds.fingerprint(id);
    int slot = hashPrefixes.indexOf(key);
    if (!hashPrefixes.indexExists(slot)) {
      return null;
    }
    return new Known(hashPrefixes.indexGet(slot), revisions.getOrDefault(key, FIRST_REVISION));
  }

  synchronized void put(String id, String contentHash, int revision) {
    long key = ArticleIds.fingerprint(id);
    hashPrefixes.put(key, prefix(contentHash));
    if (revision == FIRST_REVISION) {
      revisions.remove(key);
    } else {
      revisions.put(key, revision);
    }
  }

  synchronized void remove(String id) {
    long key = ArticleIds.fingerprint(id);
    hashPrefixes.remove(key);
    revisions.remove(key);
  }

  /**
   * Applies one record of the raw-articles topic, as read at start: a value sets the id's state,
   * a tombstone clears it, a record without key is ignored.
   */
  void apply(String id, RawArticle value) {
    if (id == null) {
      return;
    }
    if (value == null) {
      remove(id);
      return;
    }
    put(id, contentHash(value), value.getRevision());
  }

  /** The record's content hash; records of schema v1 have none, so it is derived and their content still recognised. */
  static String contentHash(RawArticle value) {
    return value.getContentHash() == null || value.getContentHash().isEmpty()
        ? ArticleIds.contentHash(value.getBody()) : value.getContentHash();
  }

  @Override
  public void acknowledged(String id, String contentHash, int revision, int partition, long offset) {
    put(id, contentHash, revision);
  }

  @Override
  public synchronized long size() {
    return hashPrefixes.size();
  }

  @Override
  public String describe() {
    return size() + " articles (" + (bytesAllocated() >> 10) + " KB of heap, read from the whole topic)";
  }

  @Override
  public void close() {
    // nothing held outside the heap
  }

  /** Bytes of the arrays behind the state, for the start-up log. */
  synchronized long bytesAllocated() {
    return hashPrefixes.ramBytesAllocated() + revisions.ramBytesAllocated();
  }
}
