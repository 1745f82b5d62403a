package io.stocksync.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * End-to-end latency from what the channel stand-ins see. Every order takes one unit of one product, so once a
 * product has been sent k orders, a write of level (initial - k) or lower on a channel means k orders have gone
 * through (pushes are coalesced: a channel may jump straight to the latest level, which completes every order
 * below it). Order k is complete when every pushed channel has shown it; its latency is from its intended send
 * time (the open-loop schedule) to the write that completed it on the last channel, recorded in the histogram
 * (microseconds) the order was sent with. Levels that come back up (an older push arriving late) complete nothing.
 */
final class LevelArrivals {

  private final Map<String, Target> byItem = new ConcurrentHashMap<>();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong lastCompletion = new AtomicLong();

  private record Target(Track track, int channel) {}

  /** One product: its initial level, the orders sent to it, how far each pushed channel has got. */
  static final class Track {
    private final long initial;
    private final int[] reached;
    private long[] intended = new long[16];
    private Histogram[] into = new Histogram[16];
    private int count;

    Track(long initial, int channels) {
      this.initial = initial;
      this.reached = new int[channels];
    }

    synchronized int sent() {
      return count;
    }

    synchronized void send(long intendedNanos, Histogram histogram) {
      if (count == intended.length) {
        intended = Arrays.copyOf(intended, count * 2);
        into = Arrays.copyOf(into, count * 2);
      }
      intended[count] = intendedNanos;
      into[count++] = histogram;
    }

    /** Answers how many orders this write completed. */
    synchronized int level(int channel, long level, long now) {
      int applied = (int) Math.min(count, initial - level);
      int from = reached[channel];
      if (applied <= from) {
        return 0;
      }
      reached[channel] = applied;
      int done = Arrays.stream(reached).min().orElse(0);
      int completedHere = 0;
      for (int k = from; k < done; k++) {
        into[k].recordValue(Math.max(0, (now - intended[k]) / 1000));
        into[k] = null;
        completedHere++;
      }
      return completedHere;
    }
  }

  /** Registers a product whose level is pushed to the given stand-in items (one per channel). */
  Track track(long initial, String... items) {
    var track = new Track(initial, items.length);
    for (int c = 0; c < items.length; c++) {
      byItem.put(items[c], new Target(track, c));
    }
    return track;
  }

  /** Called just before order is sent at its intended time. */
  void sent(Track track, long intendedNanos, Histogram histogram) {
    track.send(intendedNanos, histogram);
    sent.incrementAndGet();
  }

  /** The stand-ins' listener: an item's level was written. */
  void written(String item, long level) {
    var target = byItem.get(item);
    if (target == null) {
      return;
    }
    long now = System.nanoTime();
    int done = target.track().level(target.channel(), level, now);
    if (done > 0) {
      completed.addAndGet(done);
      lastCompletion.accumulateAndGet(now, Math::max);
    }
  }

  long sent() {
    return sent.get();
  }

  long completed() {
    return completed.get();
  }

  long lastCompletionNanos() {
    return lastCompletion.get();
  }

  /**
   * Waits until every order sent so far is complete but for {@code alreadyIncomplete} (left by earlier runs
   * whose requests failed); answers false if it was not within the timeout, or if
   * nothing completed for {@code stallSeconds} (a request that failed may never have been applied, so its
   * product never reaches the level counted for it: its last order stays incomplete, and the orders after the
   * failed one are matched one position early, i.e. with a slightly earlier send time).
   */
  boolean awaitAll(long timeoutSeconds, long stallSeconds, long alreadyIncomplete) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    long seen = completed.get();
    long progress = System.nanoTime();
    while (incomplete() > alreadyIncomplete) {
      long now = System.nanoTime();
      if (completed.get() != seen) {
        seen = completed.get();
        progress = now;
      }
      if (now > deadline || now - progress > stallSeconds * 1_000_000_000L) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  /** Orders sent but not (yet) seen on every channel. */
  long incomplete() {
    return sent.get() - completed.get();
  }
}
