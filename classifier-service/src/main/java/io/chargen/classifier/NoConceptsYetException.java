package io.chargen.classifier;

/**
 * A query arrived before any concept was learned (or, for template methods, before any concept with an example).
 * Transient: the record loop retries with backoff while the learner catches up, then dead-letters the query with
 * "no concepts learned yet" in the error header.
 */
public final class NoConceptsYetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The message is fixed: it is what operators find in the dead letter's error header. */
  public NoConceptsYetException() {
    super("no concepts learned yet");
  }
}
