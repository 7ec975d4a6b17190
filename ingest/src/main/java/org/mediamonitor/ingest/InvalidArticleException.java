package org.mediamonitor.ingest;

/** Input that is not an acceptable article; {@link #field()} names the offending field, if any. */
public final class InvalidArticleException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Rejection rejection;
  private final String field;
  private final Integer index;

  public InvalidArticleException(Rejection rejection, String field, String message) {
    this(rejection, field, null, message);
  }

  private InvalidArticleException(Rejection rejection, String field, Integer index, String message) {
    super(message);
    this.rejection = rejection;
    this.field = field;
    this.index = index;
  }

  /** The same error, about the element at {@code index} of a JSON array. */
  public InvalidArticleException at(int index) {
    return new InvalidArticleException(rejection, field, index, "article [" + index + "]: " + getMessage());
  }

  public Rejection rejection() {
    return rejection;
  }

  /** The JSON field at fault ({@code body}, {@code url}...), or null when the record as a whole is. */
  public String field() {
    return field;
  }

  /** Position in a JSON array, or null for a single article. */
  public Integer index() {
    return index;
  }
}
