package io.stocksync.platform.diagnostics;

import java.util.UUID;

/** Thrown on purpose for a poison probe, so that the broker's redelivery and dead-lettering can be observed. */
public class PoisonProbeException extends RuntimeException {

  public PoisonProbeException(UUID probeId, int deliveryCount) {
    super("poison probe " + probeId + " rejected on delivery " + deliveryCount);
  }
}
