package io.stocksync.inbox.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PurgeCheckpointTest {

  @Test
  void keepsItsCutoffWhileAdvancing() {
    var cutoff = Instant.parse("2026-01-01T00:00:00Z");
    var cp = new PurgeCheckpoint(cutoff, 0).after(41).after(42);
    assertEquals(new PurgeCheckpoint(cutoff, 42), cp);
  }

  @Test
  void survivesSerialisationAsTheJobRepositoryStoresIt() throws Exception {
    var cp = new PurgeCheckpoint(Instant.parse("2026-01-01T00:00:00Z"), 99);
    var bytes = new ByteArrayOutputStream();
    try (var out = new ObjectOutputStream(bytes)) {
      out.writeObject(cp);
    }
    try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(cp, in.readObject());
    }
  }
}
