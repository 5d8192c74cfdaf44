package io.chargen.classifier;

/**
 * A query arrived before any concept was learned (or, for template methods, before any concept with an example),
 * and so soon after its capture that a letter taught just before may still be on its way. Transient: the record
 * loop retries with backoff; once the query is {@link QueryProcessor#NOTHING_TAUGHT_AFTER} old it is answered
 * {@code NOTHING_TAUGHT} instead.
 */
public final class NoConceptsYetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The message is fixed: it is what operators find in the dead letter's error header. */
  public NoConceptsYetException() {
    super("no concepts learned yet");
  }
}
