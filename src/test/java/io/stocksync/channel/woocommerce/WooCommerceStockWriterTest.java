package io.stocksync.channel.woocommerce;

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
import io.stocksync.channel.standin.WooCommerceStandIn;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WooCommerceStockWriterTest {

  private static WooCommerceStandIn shop;
  private WooCommerceStockWriter writer;
  private ChannelEndpoint endpoint;

  @BeforeAll
  static void start() {
    shop = new WooCommerceStandIn();
  }

  @AfterAll
  static void stop() {
    shop.close();
  }

  @BeforeEach
  void fresh() {
    shop.reset();
    writer = writer(Duration.ofSeconds(5));
    endpoint = endpoint(WooCommerceStandIn.credentials());
  }

  private static WooCommerceStockWriter writer(Duration requestTimeout) {
    var http = new ChannelHttp(Duration.ofSeconds(2), Duration.ofSeconds(5));
    return new WooCommerceStockWriter(new WooCommerceTransport(http, requestTimeout));
  }

  private static ChannelEndpoint endpoint(String credentials) {
    return new ChannelEndpoint(UUID.randomUUID(), shop.baseUrl() + "/", credentials);
  }

  private static LevelPush push(String id, long level) {
    return new LevelPush(id, null, level, null, "k-" + id + "-" + level);
  }

  @Test
  void aBatchSetsTheLevelsInOneCall() {
    shop.setLevel("11", 5);
    shop.setLevel("12", 5);
    var outcomes = writer.push(endpoint, List.of(push("11", 3), push("12", 0)));
    assertEquals(Status.PUSHED, outcomes.get("11").status());
    assertEquals(Status.PUSHED, outcomes.get("12").status());
    assertEquals(1, shop.writeCalls());
    assertEquals(0L, shop.level("12"));
    var read = writer.read(endpoint, List.of("11", "12", "13"));
    assertEquals(3L, read.get("11"));
    assertEquals(0L, read.get("12"));
    assertFalse(read.containsKey("13"));
  }

  @Test
  void batchesSplitAtOneHundred() {
    var pushes = IntStream.range(1000, 1250).mapToObj(i -> {
      shop.setLevel(Integer.toString(i), 1);
      return push(Integer.toString(i), 9);
    }).toList();
    var outcomes = writer.push(endpoint, pushes);
    assertEquals(3, shop.writeCalls());
    assertTrue(outcomes.values().stream().allMatch(o -> o.status() == Status.PUSHED));
    assertEquals(9L, shop.level("1249"));
  }

  @Test
  void anItemWooCommerceRefusesFailsAlone() {
    shop.setLevel("21", 1);
    var outcomes = writer.push(endpoint, List.of(push("21", 4), push("99999", 4), push("sku-not-an-id", 4)));
    assertEquals(Status.PUSHED, outcomes.get("21").status());
    assertEquals(Status.FAILED, outcomes.get("99999").status());
    assertEquals(400, outcomes.get("99999").httpStatus());
    assertTrue(outcomes.get("99999").error().contains("woocommerce_rest_product_invalid_id"));
    assertEquals(Status.FAILED, outcomes.get("sku-not-an-id").status());
    assertEquals(1, shop.writeCalls());
  }

  @Test
  void rateLimitedWithIntegerOrFloatRetryAfter() {
    shop.setLevel("31", 1);
    shop.answerRateLimited(1, 30.0);
    var e = assertThrows(RateLimitedException.class, () -> writer.push(endpoint, List.of(push("31", 2))));
    assertEquals(Duration.ofSeconds(30), e.retryAfter());
    assertEquals(429, e.httpStatus());
    shop.answerRateLimited(1, 0.25);
    e = assertThrows(RateLimitedException.class, () -> writer.push(endpoint, List.of(push("31", 2))));
    assertEquals(Duration.ofMillis(250), e.retryAfter());
  }

  @Test
  void serverErrorsAreRetryable() {
    shop.setLevel("41", 1);
    shop.answerServerErrors(1);
    var e = assertThrows(ChannelCallException.class, () -> writer.push(endpoint, List.of(push("41", 2))));
    assertEquals(500, e.httpStatus());
    assertFalse(e.isRateLimited() || e.isCredentialsRejected());
  }

  @Test
  void wrongOrMalformedCredentialsAreRejected() {
    var e = assertThrows(ChannelCallException.class,
        () -> writer.push(endpoint("ck_standin:cs_wrong"), List.of(push("51", 1))));
    assertTrue(e.isCredentialsRejected());
    assertEquals(401, e.httpStatus());
    assertFalse(e.getMessage().contains("cs_wrong"));
    e = assertThrows(ChannelCallException.class, () -> writer.push(endpoint("no-colon"), List.of(push("51", 1))));
    assertTrue(e.isCredentialsRejected());
    assertEquals(0, shop.writeCalls());
  }

  @Test
  void aSlowSiteTimesOut() {
    shop.setLevel("61", 1);
    shop.answerSlowly(Duration.ofSeconds(2));
    var e = assertThrows(ChannelCallException.class,
        () -> writer(Duration.ofMillis(300)).push(endpoint, List.of(push("61", 2))));
    assertFalse(e.isRateLimited());
  }
}
