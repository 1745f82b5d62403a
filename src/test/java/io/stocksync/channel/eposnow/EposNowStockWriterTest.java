package io.stocksync.channel.eposnow;

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
import io.stocksync.channel.standin.EposNowStandIn;
import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EposNowStockWriterTest {

  private static final String LOC = EposNowStandIn.LOCATION;
  private static EposNowStandIn epos;
  private EposNowStockWriter writer;
  private ChannelEndpoint endpoint;

  @BeforeAll
  static void start() {
    epos = new EposNowStandIn();
  }

  @AfterAll
  static void stop() {
    epos.close();
  }

  @BeforeEach
  void fresh() {
    epos.reset();
    writer = writer(Duration.ofSeconds(15));
    endpoint = endpoint(EposNowStandIn.credentials());
  }

  private static EposNowStockWriter writer(Duration requestTimeout) {
    return new EposNowStockWriter(new EposNowTransport(new ChannelHttp(Duration.ofSeconds(2), requestTimeout)));
  }

  private static ChannelEndpoint endpoint(String credentials) {
    return new ChannelEndpoint(UUID.randomUUID(), epos.baseUrl() + "/", credentials);
  }

  private static LevelPush push(String id, long level) {
    return new LevelPush(id, LOC, level, null, "k-" + id + "-" + level);
  }

  @Test
  void aPushAddsOrRemovesTheDifferenceInOneCallPerDirection() {
    epos.setLevel("11", 5);
    epos.setLevel("12", 5);
    epos.setLevel("13", 5);
    epos.setLevel("14", 7);
    var outcomes = writer.push(endpoint, List.of(push("11", 8), push("12", 0), push("13", 2), push("14", 7)));
    assertTrue(outcomes.values().stream().allMatch(o -> o.status() == Status.PUSHED), outcomes.toString());
    assertEquals(8L, epos.level("11"));
    assertEquals(0L, epos.level("12"));
    assertEquals(2L, epos.level("13"));
    assertEquals(7L, epos.level("14"));
    assertEquals(2, epos.writeCalls(), "one Add and one Remove; an unchanged level costs no write");
  }

  @Test
  void aRepeatedPushChangesNothingMore() {
    epos.setLevel("21", 10);
    writer.push(endpoint, List.of(push("21", 4)));
    var again = writer.push(endpoint, List.of(push("21", 4)));
    assertEquals(Status.PUSHED, again.get("21").status());
    assertEquals(4L, epos.level("21"));
    assertEquals(1, epos.writeCalls());
  }

  @Test
  void anUnknownProductOrMissingLocationFailsAlone() {
    epos.setLevel("31", 1);
    epos.setLevel("32", 1);
    var outcomes = writer.push(endpoint, List.of(push("31", 4), push("32", 6), push("99999", 4),
        new LevelPush("33", null, 1, null, "k"), push("sku-1", 2)));
    assertEquals(Status.PUSHED, outcomes.get("31").status());
    assertEquals(Status.PUSHED, outcomes.get("32").status());
    assertEquals(6L, epos.level("32"));
    assertEquals(Status.FAILED, outcomes.get("99999").status());
    assertTrue(outcomes.get("99999").error().contains("no stock record"));
    assertEquals(Status.FAILED, outcomes.get("33").status());
    assertTrue(outcomes.get("33").error().contains("location"));
    assertEquals(Status.FAILED, outcomes.get("sku-1").status());
  }

  @Test
  void aRowEposNowRefusesIsRetriedAloneAndFailsAlone() {
    epos.setLevel("41", 1);
    epos.setLevel("42", 1);
    epos.setLevel("43", 1);
    epos.refuse("42");
    var outcomes = writer.push(endpoint, List.of(push("41", 3), push("42", 2), push("43", 5)));
    assertEquals(4, epos.writeCalls(), "the refused array, then each row alone");
    assertEquals(Status.PUSHED, outcomes.get("41").status());
    assertEquals(Status.PUSHED, outcomes.get("43").status());
    assertEquals(3L, epos.level("41"));
    assertEquals(5L, epos.level("43"));
    assertEquals(Status.FAILED, outcomes.get("42").status());
    assertEquals(400, outcomes.get("42").httpStatus());
    assertEquals(1L, epos.level("42"));
  }

  @Test
  void readSumsEveryLocationAcrossPages() {
    IntStream.range(1000, 1450).forEach(i -> epos.setLevel(Integer.toString(i), i % 7));
    epos.setLevelAt("1449", "4102", 10);
    var read = writer.read(endpoint, List.of("1000", "1449", "77"));
    assertEquals(1000L % 7, read.get("1000"));
    assertEquals(1449L % 7 + 10, read.get("1449"));
    assertFalse(read.containsKey("77"));
  }

  @Test
  void theLocationIsReadInPagesOfTwoHundred() {
    IntStream.range(1, 451).forEach(i -> epos.setLevel(Integer.toString(i), i));
    var first = writer.levelsAt(endpoint, LOC, 1);
    assertEquals(200, first.levels().size());
    assertFalse(first.last());
    assertEquals(200, writer.levelsAt(endpoint, LOC, 2).levels().size());
    var third = writer.levelsAt(endpoint, LOC, 3);
    assertEquals(50, third.levels().size());
    assertTrue(third.last());
    assertEquals(new EposNowLevel("450", LOC, 450), third.levels().get(49));
    assertEquals(3, epos.readsOf(LOC));
  }

  @Test
  void batchesAreSummedAndFractionsRoundedDown() {
    var row = Json.createObjectBuilder().add("ProductId", 5).add("LocationId", 6).add("ProductStockBatches",
        Json.createArrayBuilder().add(Json.createObjectBuilder().add("CurrentStock", 2.5))
            .add(Json.createObjectBuilder().add("CurrentStock", 3))).build();
    assertEquals(5L, EposNowTransport.units(row));
    assertEquals(-2L, EposNowTransport.units(Json.createObjectBuilder().add("CurrentStock", -1.5).build()));
    assertEquals(0L, EposNowTransport.units(Json.createObjectBuilder().build()));
  }

  @Test
  void rateLimitedWithRetryAfter() {
    epos.setLevel("51", 1);
    epos.answerRateLimited(1, 30.0);
    var e = assertThrows(RateLimitedException.class, () -> writer.push(endpoint, List.of(push("51", 2))));
    assertEquals(Duration.ofSeconds(30), e.retryAfter());
    assertEquals(429, e.httpStatus());
    assertEquals(1L, epos.level("51"));
  }

  @Test
  void serverErrorsAreRetryable() {
    epos.setLevel("61", 1);
    epos.answerServerErrors(1);
    var e = assertThrows(ChannelCallException.class, () -> writer.levelsAt(endpoint, LOC, 1));
    assertEquals(500, e.httpStatus());
    assertFalse(e.isRateLimited() || e.isCredentialsRejected());
  }

  @Test
  void wrongOrMalformedCredentialsAreRejected() {
    var e = assertThrows(ChannelCallException.class,
        () -> writer.push(endpoint("EPOSKEYSTANDIN:wrong"), List.of(push("71", 1))));
    assertTrue(e.isCredentialsRejected());
    assertEquals(401, e.httpStatus());
    assertFalse(e.getMessage().contains("wrong"));
    e = assertThrows(ChannelCallException.class, () -> writer.read(endpoint("no-colon"), List.of("71")));
    assertTrue(e.isCredentialsRejected());
    assertEquals(0, epos.writeCalls());
  }

  @Test
  void aSlowApiTimesOut() {
    epos.setLevel("81", 1);
    epos.answerSlowly(Duration.ofSeconds(2));
    var e = assertThrows(ChannelCallException.class,
        () -> writer(Duration.ofMillis(300)).levelsAt(endpoint, LOC, 1));
    assertFalse(e.isRateLimited());
  }
}
