package org.mediamonitor.enrich.classify;

/** A taxonomy file that cannot be used; the message names the offending entry. */
public final class TaxonomyException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public TaxonomyException(String message) {
    super(message);
  }
}
