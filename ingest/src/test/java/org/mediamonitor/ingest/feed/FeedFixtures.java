package org.mediamonitor.ingest.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The feed documents under src/test/resources/feed (invented outlets and people). */
final class FeedFixtures {

  private FeedFixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = FeedFixtures.class.getResourceAsStream("/feed/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /feed/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }
}
