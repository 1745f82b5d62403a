package io.stocksync.channel.reseal;

import java.io.Serializable;
import java.util.UUID;

/** Where a re-seal stands: the last channel id handed to the writer (null before the first); id order. */
public record ResealCheckpoint(UUID lastId) implements Serializable {

  private static final long serialVersionUID = 1L;
}
