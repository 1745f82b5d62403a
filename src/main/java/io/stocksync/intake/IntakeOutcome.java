package io.stocksync.intake;

import io.stocksync.platform.json.JsonP;
import jakarta.json.JsonObject;

/** What intake did with a delivery that it answers 200 for. */
public enum IntakeOutcome {
  ACCEPTED, DUPLICATE;

  private final JsonObject json = JsonP.createObjectBuilder().add("outcome", name()).build();

  /** The answer's body, built once: serialising a map with JSON-B on every webhook cost 6 % of intake's CPU. */
  public JsonObject json() {
    return json;
  }
}
