package io.stocksync.platform.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProbeMessageTest {

  @Test
  void survivesTheTripThroughJson() {
    var sent = ProbeMessage.create(true, "req-7");
    var received = ProbeMessage.fromJson(sent.toJson());
    assertEquals(sent, received);
    assertTrue(received.poison());
    assertTrue(sent.toJson().contains("\"schema\":1"), "versioned on the wire");
  }

  @Test
  void rejectsAnotherSchemaVersion() {
    var json = ProbeMessage.create(false, null).toJson().replace("\"schema\":1", "\"schema\":2");
    var e = assertThrows(IllegalArgumentException.class, () -> ProbeMessage.fromJson(json));
    assertTrue(e.getMessage().contains("schema 2"), e.getMessage());
  }

  @Test
  void rejectsMalformedBodies() {
    assertThrows(IllegalArgumentException.class, () -> ProbeMessage.fromJson("{not json"));
    assertThrows(IllegalArgumentException.class, () -> ProbeMessage.fromJson("{\"schema\":1}"));
  }

  @Test
  void requestIdIsOptional() {
    assertFalse(ProbeMessage.fromJson(ProbeMessage.create(false, null).toJson()).poison());
  }
}
