package io.stocksync.channel.shopify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.channel.push.ChannelCallException;
import io.stocksync.channel.push.ChannelEndpoint;
import io.stocksync.channel.push.ChannelHttp;
import io.stocksync.channel.push.LevelPush;
import io.stocksync.channel.push.PushOutcome.Status;
import io.stocksync.channel.push.RateLimitedException;
import io.stocksync.channel.standin.ShopifyStandIn;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShopifyStockWriterTest {

  private static final String LOCATION = "7001";
  private static ShopifyStandIn shopify;
  private ShopifyStockWriter writer;
  private ChannelEndpoint endpoint;

  @BeforeAll
  static void start() {
    shopify = new ShopifyStandIn();
  }

  @AfterAll
  static void stop() {
    shopify.close();
  }

  @BeforeEach
  void fresh() {
    shopify.reset();
    writer = writer(Duration.ofSeconds(5));
    endpoint = new ChannelEndpoint(UUID.randomUUID(), shopify.baseUrl(), ShopifyStandIn.TOKEN);
  }

  private static ShopifyStockWriter writer(Duration requestTimeout) {
    return new ShopifyStockWriter(new ShopifyTransport(new ChannelHttp(Duration.ofSeconds(2), requestTimeout)));
  }

  private static LevelPush push(String item, long level, Long expected) {
    return new LevelPush(item, LOCATION, level, expected, "k-" + item + "-" + level);
  }

  @Test
  void aBatchSetsTheLevelsInOneCall() {
    shopify.setLevel("101", 10);
    shopify.setLevel("gid://shopify/InventoryItem/102", 10);
    var outcomes = writer.push(endpoint, List.of(push("101", 7, 10L),
        push("gid://shopify/InventoryItem/102", 0, 10L)));
    assertEquals(Status.PUSHED, outcomes.get("101").status());
    assertEquals(Status.PUSHED, outcomes.get("gid://shopify/InventoryItem/102").status());
    assertEquals(1, shopify.writeCalls());
    assertEquals(7L, writer.read(endpoint, List.of("101")).get("101"));
    assertEquals(0L, shopify.level("102"));
  }

  @Test
  void batchesSplitAtOneHundred() {
    var pushes = IntStream.range(0, 250).mapToObj(i -> {
      shopify.setLevel("9" + i, 1);
      return push("9" + i, 5, 1L);
    }).toList();
    var outcomes = writer.push(endpoint, pushes);
    assertEquals(3, shopify.writeCalls());
    assertTrue(outcomes.values().stream().allMatch(o -> o.status() == Status.PUSHED));
    assertEquals(250, writer.read(endpoint, pushes.stream().map(LevelPush::externalId).toList()).size());
  }

  @Test
  void aSaleWeHaveNotSeenIsAConflictWithTheActualLevelAndTheRestIsWritten() {
    shopify.setLevel("201", 10);
    shopify.setLevel("202", 10);
    shopify.setLevel("201", 4);
    var outcomes = writer.push(endpoint, List.of(push("201", 7, 10L), push("202", 7, 10L)));
    assertEquals(Status.CONFLICT, outcomes.get("201").status());
    assertEquals(4L, outcomes.get("201").actual());
    assertEquals(4L, shopify.level("201"));
    assertEquals(Status.PUSHED, outcomes.get("202").status());
    assertEquals(7L, shopify.level("202"));
  }

  @Test
  void aConflictWithOurOwnLevelIsAWriteThatAlreadyLanded() {
    shopify.setLevel("301", 7);
    assertEquals(Status.PUSHED, writer.push(endpoint, List.of(push("301", 7, 10L))).get("301").status());
  }

  @Test
  void anUnknownLevelIsWrittenWithoutCompare() {
    shopify.setLevel("401", 3);
    assertEquals(Status.PUSHED, writer.push(endpoint, List.of(push("401", 8, null))).get("401").status());
    assertEquals(8L, shopify.level("401"));
  }

  @Test
  void anUnknownItemFailsAloneAndTheOthersAreWritten() {
    shopify.setLevel("501", 1);
    var outcomes = writer.push(endpoint, List.of(push("404404", 1, 0L), push("501", 2, 1L)));
    assertEquals(Status.FAILED, outcomes.get("404404").status());
    assertTrue(outcomes.get("404404").error().contains("INVALID_INVENTORY_ITEM"));
    assertEquals(2L, shopify.level("501"));
  }

  @Test
  void rateLimitedWithIntegerRetryAfter() {
    shopify.setLevel("601", 1);
    shopify.answerRateLimited(1, 2.0);
    var e = assertThrows(RateLimitedException.class, () -> writer.push(endpoint, List.of(push("601", 2, 1L))));
    assertTrue(e.isRateLimited());
    assertEquals(Duration.ofSeconds(2), e.retryAfter());
  }

  @Test
  void rateLimitedWithFloatRetryAfterOrNone() {
    shopify.setLevel("602", 1);
    shopify.answerRateLimited(1, 1.5);
    var e = assertThrows(RateLimitedException.class, () -> writer.push(endpoint, List.of(push("602", 2, 1L))));
    assertEquals(Duration.ofMillis(1500), e.retryAfter());
    shopify.answerRateLimited(1, null);
    e = assertThrows(RateLimitedException.class, () -> writer.push(endpoint, List.of(push("602", 2, 1L))));
    assertEquals(Duration.ofSeconds(1), e.retryAfter());
  }

  @Test
  void throttledInsideA200IsRateLimitedUntilTheBucketRefills() {
    shopify.setLevel("603", 1);
    shopify.answerThrottled(1);
    var e = assertThrows(RateLimitedException.class, () -> writer.push(endpoint, List.of(push("603", 2, 1L))));
    assertEquals(200, e.httpStatus());
    assertEquals(Duration.ofSeconds(2), e.retryAfter()); // (250 requested - 50 available) / 100 per second
  }

  @Test
  void serverErrorsAreRetryable() {
    shopify.setLevel("701", 1);
    shopify.answerServerErrors(1);
    var e = assertThrows(ChannelCallException.class, () -> writer.push(endpoint, List.of(push("701", 2, 1L))));
    assertEquals(502, e.httpStatus());
    assertFalse(e.isRateLimited());
    assertFalse(e.isCredentialsRejected());
    assertEquals(Status.PUSHED, writer.push(endpoint, List.of(push("701", 2, 1L))).get("701").status());
  }

  @Test
  void aWrongTokenIsCredentialsRejected() {
    var wrong = new ChannelEndpoint(UUID.randomUUID(), shopify.baseUrl(), "shpat_wrong");
    var e = assertThrows(ChannelCallException.class, () -> writer.push(wrong, List.of(push("801", 1, null))));
    assertTrue(e.isCredentialsRejected());
    assertEquals(401, e.httpStatus());
    assertFalse(e.getMessage().contains("shpat_wrong"));
  }

  @Test
  void aSlowShopTimesOut() {
    shopify.setLevel("901", 1);
    shopify.answerSlowly(Duration.ofSeconds(2));
    var e = assertThrows(ChannelCallException.class,
        () -> writer(Duration.ofMillis(300)).push(endpoint, List.of(push("901", 2, 1L))));
    assertInstanceOf(HttpTimeoutException.class, e.getCause());
    assertFalse(e.isRateLimited());
  }
}
