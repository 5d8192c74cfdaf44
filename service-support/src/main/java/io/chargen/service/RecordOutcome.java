package io.chargen.service;

import java.util.Locale;

/** The {@code outcome} tag of the per-service record counter: low-cardinality by construction. */
public enum RecordOutcome {
  /** Processed and committed. */
  OK,
  /** A bad record, dead-lettered. */
  INVALID,
  /** A transient failure that outlived its retries, dead-lettered. */
  ERROR;

  /** @return the tag value, lowercase */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
