package io.stocksync.intake;

/** What intake did with a delivery that it answers 200 for. */
public enum IntakeOutcome {
  ACCEPTED, DUPLICATE
}
