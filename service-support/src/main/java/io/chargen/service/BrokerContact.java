package io.chargen.service;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When this service last heard from the broker: every acknowledged send and every successful broker round trip of a
 * consumer (a poll cycle's probe, see {@link #PROBE_INTERVAL}) counts. Readiness is the age of that contact, not
 * "the client object exists": a Kafka client never fails on an unreachable broker, it waits, so without this a
 * service stays UP through an outage while its requests hang.
 */
public final class BrokerContact {
  /**
   * Consumers probe the broker at least this often when nothing else shows contact. With {@link #PROBE_TIMEOUT} and
   * {@link #STALE_AFTER} a broker that stops answering turns readiness DOWN within 6–8 s, inside the 10 s promised.
   */
  public static final Duration PROBE_INTERVAL = Duration.ofSeconds(2);
  /** Longest wait of one probe. */
  public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
  /** Contact older than this makes the service DOWN. */
  public static final Duration STALE_AFTER = Duration.ofSeconds(6);

  private final LongSupplier nanoTime;
  private volatile long lastContact;

  /** @param nanoTime the clock, {@code System::nanoTime} */
  public BrokerContact(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.lastContact = nanoTime.getAsLong(); // a starting service gets the start-up budget, not an instant DOWN
  }

  /** A system clock contact tracker. */
  public BrokerContact() {
    this(System::nanoTime);
  }

  /** Records a successful round trip; thread-safe. */
  public void reached() {
    lastContact = nanoTime.getAsLong();
  }

  /** @return the age of the last contact */
  public Duration age() {
    return Duration.ofNanos(nanoTime.getAsLong() - lastContact);
  }

  /** @return whether the broker answered within {@link #STALE_AFTER} */
  public boolean up() {
    return age().compareTo(STALE_AFTER) <= 0;
  }

  /** @return whether a probe is due: no contact for {@link #PROBE_INTERVAL} */
  public boolean probeDue() {
    return age().compareTo(PROBE_INTERVAL) >= 0;
  }
}
