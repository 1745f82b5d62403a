package io.stocksync.channel.deliveroo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.channel.push.ChannelCallException;
import io.stocksync.channel.push.ChannelEndpoint;
import io.stocksync.channel.push.ChannelHttp;
import io.stocksync.channel.push.LevelPush;
import io.stocksync.channel.push.PushOutcome.Status;
import io.stocksync.channel.push.RateLimitedException;
import io.stocksync.channel.standin.DeliverooStandIn;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliverooStockWriterTest {

  private static DeliverooStandIn deliveroo;
  private DeliverooStockWriter writer;
  private ChannelEndpoint endpoint;

  @BeforeAll
  static void start() {
    deliveroo = new DeliverooStandIn();
  }

  @AfterAll
  static void stop() {
    deliveroo.close();
  }

  @BeforeEach
  void fresh() {
    deliveroo.reset();
    writer = writer(Duration.ofSeconds(5));
    endpoint = endpoint(DeliverooStandIn.credentials());
  }

  private static DeliverooStockWriter writer(Duration requestTimeout) {
    var http = new ChannelHttp(Duration.ofSeconds(2), requestTimeout);
    return new DeliverooStockWriter(new DeliverooTransport(http, deliveroo.tokenUrl()));
  }

  private static ChannelEndpoint endpoint(String credentials) {
    return new ChannelEndpoint(UUID.randomUUID(), deliveroo.baseUrl(), credentials);
  }

  private static LevelPush push(String item, long level) {
    return new LevelPush(item, DeliverooStandIn.SITE, level, null, "k-" + item + "-" + level);
  }

  @Test
  void levelZeroIsUnavailableAndAnyOtherLevelAvailable() {
    deliveroo.setLevel("pizza", 1);
    deliveroo.setLevel("salad", 0);
    var outcomes = writer.push(endpoint, List.of(push("pizza", 0), push("salad", 12)));
    assertEquals(Status.PUSHED, outcomes.get("pizza").status());
    assertEquals("unavailable", deliveroo.status("pizza"));
    assertEquals("available", deliveroo.status("salad"));
    assertEquals(1, deliveroo.writeCalls());
    writer.push(endpoint, List.of(push("pizza", 3)));
    assertEquals("available", deliveroo.status("pizza"));
    assertEquals(1, deliveroo.tokenCalls()); // the token is reused until it expires
    assertTrue(writer.read(endpoint, List.of("pizza")).isEmpty());
  }

  @Test
  void batchesSplitAtOneHundredPerSite() {
    var pushes = IntStream.range(0, 150).mapToObj(i -> {
      deliveroo.setLevel("item-" + i, 1);
      return push("item-" + i, 0);
    }).toList();
    var outcomes = writer.push(endpoint, pushes);
    assertEquals(2, deliveroo.writeCalls());
    assertTrue(outcomes.values().stream().allMatch(o -> o.status() == Status.PUSHED));
  }

  @Test
  void oneUnknownItemFailsTheWholeCallAndAMissingSiteIsNotSent() {
    deliveroo.setLevel("soup", 1);
    var outcomes = writer.push(endpoint, List.of(push("soup", 0), push("ghost", 0),
        new LevelPush("bread", null, 0, null, "k")));
    assertEquals(Status.FAILED, outcomes.get("soup").status());
    assertEquals(404, outcomes.get("ghost").httpStatus());
    assertEquals(Status.FAILED, outcomes.get("bread").status());
    assertEquals("available", deliveroo.status("soup"));
  }

  @Test
  void aRevokedTokenIsRenewedOnce() {
    deliveroo.setLevel("cake", 1);
    writer.push(endpoint, List.of(push("cake", 1)));
    deliveroo.revokeTokens();
    assertEquals(Status.PUSHED, writer.push(endpoint, List.of(push("cake", 0))).get("cake").status());
    assertEquals(2, deliveroo.tokenCalls());
  }

  @Test
  void wrongClientCredentialsAreRejected() {
    var wrong = endpoint(DeliverooStandIn.BRAND + ":" + DeliverooStandIn.CLIENT_ID + ":wrong-secret");
    var e = assertThrows(ChannelCallException.class, () -> writer.push(wrong, List.of(push("x", 0))));
    assertTrue(e.isCredentialsRejected());
    assertFalse(e.getMessage().contains("wrong-secret"));
    e = assertThrows(ChannelCallException.class, () -> writer.push(endpoint("only-a-token"), List.of(push("x", 0))));
    assertTrue(e.isCredentialsRejected());
  }

  @Test
  void rateLimitedAndServerErrors() {
    deliveroo.setLevel("tea", 1);
    writer.push(endpoint, List.of(push("tea", 1))); // fetch the token first: faults apply to the next calls
    deliveroo.answerRateLimited(1, 1.0);
    var limited = assertThrows(RateLimitedException.class, () -> writer.push(endpoint, List.of(push("tea", 0))));
    assertEquals(Duration.ofSeconds(1), limited.retryAfter());
    deliveroo.answerServerErrors(1);
    var e = assertThrows(ChannelCallException.class, () -> writer.push(endpoint, List.of(push("tea", 0))));
    assertEquals(503, e.httpStatus()); // a 503 without Retry-After is a plain retryable failure
    assertFalse(e.isRateLimited());
  }

  @Test
  void aSlowDeliverooTimesOut() {
    deliveroo.setLevel("rice", 1);
    deliveroo.answerSlowly(Duration.ofSeconds(2));
    var e = assertThrows(ChannelCallException.class,
        () -> writer(Duration.ofMillis(300)).push(endpoint, List.of(push("rice", 0))));
    assertFalse(e.isRateLimited());
  }
}
