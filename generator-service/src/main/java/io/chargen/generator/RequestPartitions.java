package io.chargen.generator;

/**
 * Which partitions of {@code chargen.generation-requests} carry heavy requests: the first quarter (at least one),
 * the rest carry light ones. A request's partition within its lane follows from its id, so a redelivery lands in the
 * same place. With a single partition there are no lanes ({@link #NONE}): the key decides, as Kafka's default does.
 *
 * @param count the topic's partitions
 */
record RequestPartitions(int count) {
  /** Share of the partitions that carry heavy requests. */
  static final int HEAVY_SHARE_DIVISOR = 4;
  /** No lanes: let the producer's partitioner decide. */
  static final RequestPartitions NONE = new RequestPartitions(1);

  private int heavyCount() {
    return Math.max(1, count / HEAVY_SHARE_DIVISOR);
  }

  /**
   * @param id the request id
   * @param heavy whether it is heavy
   * @return its partition, or null to let the producer decide
   */
  Integer of(String id, boolean heavy) {
    if (count < 2) {
      return null;
    }
    int hash = id.hashCode() & Integer.MAX_VALUE;
    return heavy ? hash % heavyCount() : heavyCount() + hash % (count - heavyCount());
  }

  /** @param partition a request's partition @return whether it is a heavy one's */
  boolean isHeavy(int partition) {
    return count >= 2 && partition < heavyCount();
  }
}
