package io.stocksync.channel.square;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.channel.push.ChannelCallException;
import io.stocksync.channel.push.ChannelEndpoint;
import io.stocksync.channel.push.ChannelHttp;
import io.stocksync.channel.push.LevelPush;
import io.stocksync.channel.push.PushOutcome.Status;
import io.stocksync.channel.push.RateLimitedException;
import io.stocksync.channel.standin.SquareStandIn;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SquareStockWriterTest {

  private static SquareStandIn square;
  private SquareStockWriter writer;
  private ChannelEndpoint endpoint;

  @BeforeAll
  static void start() {
    square = new SquareStandIn();
  }

  @AfterAll
  static void stop() {
    square.close();
  }

  @BeforeEach
  void fresh() {
    square.reset();
    writer = writer(Duration.ofSeconds(5));
    endpoint = new ChannelEndpoint(UUID.randomUUID(), square.baseUrl(), SquareStandIn.TOKEN);
  }

  private static SquareStockWriter writer(Duration requestTimeout) {
    return new SquareStockWriter(new SquareTransport(new ChannelHttp(Duration.ofSeconds(2), requestTimeout)));
  }

  private static LevelPush push(String variation, long level) {
    return new LevelPush(variation, SquareStandIn.LOCATION, level, null, "mapping-" + variation + ":" + level);
  }

  @Test
  void aBatchSetsTheCountsInOneCall() {
    square.setLevel("VAR1", 4);
    square.setLevel("VAR2", 4);
    var outcomes = writer.push(endpoint, List.of(push("VAR1", 9), push("VAR2", 0)));
    assertEquals(Status.PUSHED, outcomes.get("VAR1").status());
    assertEquals(Status.PUSHED, outcomes.get("VAR2").status());
    assertEquals(1, square.writeCalls());
    assertEquals(9L, writer.read(endpoint, List.of("VAR1")).get("VAR1"));
    assertEquals(0L, square.level("VAR2"));
  }

  @Test
  void batchesSplitAtOneHundredAndReadsFollowTheCursor() {
    var pushes = IntStream.range(0, 150).mapToObj(i -> {
      square.setLevel("V" + i, 0);
      return push("V" + i, i);
    }).toList();
    writer.push(endpoint, pushes);
    assertEquals(2, square.writeCalls());
    var read = writer.read(endpoint, pushes.stream().map(LevelPush::externalId).toList());
    assertEquals(150, read.size());
    assertEquals(149L, read.get("V149"));
  }

  @Test
  void everyCallCarriesAnIdempotencyKeyAndEveryCountItsPushKey() {
    square.setLevel("VAR3", 1);
    square.setLevel("VAR4", 1);
    writer.push(endpoint, List.of(push("VAR3", 2), push("VAR4", 3)));
    var batch = square.batches().get(0);
    assertFalse(batch.getString("idempotency_key").isBlank());
    var changes = batch.getJsonArray("changes").getValuesAs(JsonObject.class);
    assertEquals("PHYSICAL_COUNT", changes.get(0).getString("type"));
    var count = changes.get(1).getJsonObject("physical_count");
    assertEquals("mapping-VAR4:3", count.getString("reference_id"));
    assertEquals("3", count.getString("quantity"));
    assertEquals("IN_STOCK", count.getString("state"));
    assertNotNull(count.getString("occurred_at"));
  }

  @Test
  void aRetriedCallIsNotCountedTwice() {
    square.setLevel("VAR5", 1);
    var pushes = List.of(push("VAR5", 6));
    writer.push(endpoint, pushes);
    square.setLevel("VAR5", 5); // a sale on the till after our count
    assertEquals(Status.PUSHED, writer.push(endpoint, pushes).get("VAR5").status());
    assertEquals(5L, square.level("VAR5"));
    assertEquals(square.batches().get(0).getString("idempotency_key"),
        square.batches().get(1).getString("idempotency_key"));
  }

  @Test
  void anUnknownVariationFailsAloneAndAMissingLocationIsNotSent() {
    square.setLevel("VAR6", 1);
    var outcomes = writer.push(endpoint, List.of(push("NOPE", 1), push("VAR6", 2),
        new LevelPush("VAR7", null, 1, null, "k")));
    assertEquals(Status.FAILED, outcomes.get("NOPE").status());
    assertTrue(outcomes.get("NOPE").error().contains("NOT_FOUND"));
    assertEquals(Status.PUSHED, outcomes.get("VAR6").status());
    assertEquals(2L, square.level("VAR6"));
    assertEquals(Status.FAILED, outcomes.get("VAR7").status());
  }

  @Test
  void rateLimitedWithRetryAfterOrTheDefault() {
    square.setLevel("VAR8", 1);
    square.answerRateLimited(1, 3.0);
    var e = assertThrows(RateLimitedException.class, () -> writer.push(endpoint, List.of(push("VAR8", 2))));
    assertEquals(Duration.ofSeconds(3), e.retryAfter());
    square.answerRateLimited(1, 0.5);
    e = assertThrows(RateLimitedException.class, () -> writer.push(endpoint, List.of(push("VAR8", 2))));
    assertEquals(Duration.ofMillis(500), e.retryAfter());
    square.answerRateLimited(1, null);
    e = assertThrows(RateLimitedException.class, () -> writer.push(endpoint, List.of(push("VAR8", 2))));
    assertEquals(Duration.ofSeconds(1), e.retryAfter());
  }

  @Test
  void serverErrorsAreRetryableAndTheRetryReusesTheKey() {
    square.setLevel("VAR9", 1);
    square.answerServerErrors(1);
    var e = assertThrows(ChannelCallException.class, () -> writer.push(endpoint, List.of(push("VAR9", 2))));
    assertEquals(500, e.httpStatus());
    assertFalse(e.isRateLimited() || e.isCredentialsRejected());
    assertEquals(Status.PUSHED, writer.push(endpoint, List.of(push("VAR9", 2))).get("VAR9").status());
    assertEquals(2L, square.level("VAR9"));
  }

  @Test
  void aWrongTokenIsCredentialsRejected() {
    var wrong = new ChannelEndpoint(UUID.randomUUID(), square.baseUrl(), "EAAAEwrong");
    var e = assertThrows(ChannelCallException.class, () -> writer.push(wrong, List.of(push("VAR1", 1))));
    assertTrue(e.isCredentialsRejected());
    assertEquals(401, e.httpStatus());
  }

  @Test
  void aSlowSquareTimesOut() {
    square.setLevel("VAR10", 1);
    square.answerSlowly(Duration.ofSeconds(2));
    var e = assertThrows(ChannelCallException.class,
        () -> writer(Duration.ofMillis(300)).push(endpoint, List.of(push("VAR10", 2))));
    assertFalse(e.isRateLimited());
  }
}
