package io.chargen.model.eval;

/** Receives the protocol's progress, for a progress bar. */
@FunctionalInterface
public interface ProtocolProgress {
  /**
   * @param done units of work finished
   * @param total all units
   * @param what what is running now
   */
  void update(long done, long total, String what);
}
