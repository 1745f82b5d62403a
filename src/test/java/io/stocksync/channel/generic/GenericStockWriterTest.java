package io.stocksync.channel.generic;

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
import io.stocksync.channel.standin.GenericStandIn;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GenericStockWriterTest {

  private static GenericStandIn system;
  private GenericStockWriter writer;
  private ChannelEndpoint endpoint;

  @BeforeAll
  static void start() {
    system = new GenericStandIn();
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @BeforeEach
  void fresh() {
    system.reset();
    writer = writer(Duration.ofSeconds(5));
    endpoint = new ChannelEndpoint(UUID.randomUUID(), system.baseUrl(), GenericStandIn.TOKEN);
  }

  private static GenericStockWriter writer(Duration requestTimeout) {
    return new GenericStockWriter(new GenericTransport(new ChannelHttp(Duration.ofSeconds(2), requestTimeout)));
  }

  private static LevelPush push(String id, long level) {
    return new LevelPush(id, null, level, null, "k-" + id + "-" + level);
  }

  @Test
  void aBatchSetsTheLevelsAndUnknownItemsFailAlone() {
    system.setLevel("SKU 1/a", 2);
    var outcomes = writer.push(endpoint, List.of(push("SKU 1/a", 6), push("SKU-404", 1)));
    assertEquals(Status.PUSHED, outcomes.get("SKU 1/a").status());
    assertEquals(Status.FAILED, outcomes.get("SKU-404").status());
    assertEquals("unknown item", outcomes.get("SKU-404").error());
    assertEquals(6L, writer.read(endpoint, List.of("SKU 1/a", "SKU-404")).get("SKU 1/a"));
    assertEquals(1, system.writeCalls());
    assertNotNull(system.idempotencyKeys().get(0));
  }

  @Test
  void batchesSplitAtOneHundredWithStableKeys() {
    var pushes = IntStream.range(0, 201).mapToObj(i -> {
      system.setLevel("S" + i, 0);
      return push("S" + i, 1);
    }).toList();
    writer.push(endpoint, pushes);
    writer.push(endpoint, pushes.subList(0, 100));
    assertEquals(4, system.writeCalls());
    var keys = system.idempotencyKeys();
    assertEquals(keys.get(0), keys.get(3)); // the same items again carry the same key
  }

  @Test
  void rateLimitedServerErrorsAndCredentials() {
    system.answerRateLimited(1, 7.5);
    var limited = assertThrows(RateLimitedException.class, () -> writer.push(endpoint, List.of(push("a", 1))));
    assertEquals(Duration.ofMillis(7500), limited.retryAfter());
    system.answerServerErrors(1);
    var failed = assertThrows(ChannelCallException.class, () -> writer.push(endpoint, List.of(push("a", 1))));
    assertEquals(500, failed.httpStatus());
    assertFalse(failed.isRateLimited() || failed.isCredentialsRejected());
    var wrong = new ChannelEndpoint(UUID.randomUUID(), system.baseUrl(), "not-the-token");
    assertTrue(assertThrows(ChannelCallException.class, () -> writer.push(wrong, List.of(push("a", 1))))
        .isCredentialsRejected());
  }

  @Test
  void aSlowSystemTimesOut() {
    system.setLevel("slow", 1);
    system.answerSlowly(Duration.ofSeconds(2));
    assertThrows(ChannelCallException.class,
        () -> writer(Duration.ofMillis(300)).push(endpoint, List.of(push("slow", 2))));
  }
}
