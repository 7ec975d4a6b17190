package org.mediamonitor.enrich;

/** The tagger failed on one article; the processing exception handler dead-letters that article. */
public final class TaggingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TaggingException(String message, Throwable cause) {
    super(message, cause);
  }
}
