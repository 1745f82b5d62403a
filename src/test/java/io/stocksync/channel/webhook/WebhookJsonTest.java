package io.stocksync.channel.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.channel.webhook.ChannelEvent.Kind;
import io.stocksync.channel.webhook.ChannelEvent.Line;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookJsonTest {

  private static jakarta.json.JsonObject json(String text) {
    return WebhookJson.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anythingButAJsonObjectIsMalformed() {
    for (byte[] body : List.of(new byte[0], new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xfd, 0x00},
        "null".getBytes(StandardCharsets.UTF_8), "\"text\"".getBytes(StandardCharsets.UTF_8))) {
      assertThrows(MalformedWebhookException.class, () -> WebhookJson.parse(body));
    }
  }

  @Test
  void idsStayExactBeyondTwoToTheFiftyThird() {
    var body = json("{\"a\":9007199254740993,\"b\":\"gid://shopify/Order/1\",\"c\":null}");
    assertEquals("9007199254740993", WebhookJson.id(body, "a"));
    assertEquals("gid://shopify/Order/1", WebhookJson.id(body, "b"));
    assertEquals(Optional.empty(), WebhookJson.optionalId(body, "c"));
    assertEquals("c is missing", assertThrows(MalformedWebhookException.class, () -> WebhookJson.id(body, "c"))
        .getMessage());
  }

  @Test
  void unitsComeFromNumbersOrDecimalStringsRoundedDown() {
    var body = json("{\"a\":\"10\",\"b\":\"2.75\",\"c\":-1.5,\"d\":7,\"e\":\"1e3\",\"f\":[]}");
    assertEquals(Optional.of(10L), WebhookJson.optionalUnits(body, "a"));
    assertEquals(Optional.of(2L), WebhookJson.optionalUnits(body, "b"));
    assertEquals(Optional.of(-2L), WebhookJson.optionalUnits(body, "c"));
    assertEquals(Optional.of(7L), WebhookJson.optionalUnits(body, "d"));
    assertEquals(Optional.of(1000L), WebhookJson.optionalUnits(body, "e"));
    assertThrows(MalformedWebhookException.class, () -> WebhookJson.optionalUnits(body, "f"));
  }

  @Test
  void timestampsWithOrWithoutOffset() {
    assertEquals(Instant.parse("2026-03-01T15:15:30Z"), WebhookJson.instant("2026-03-01T10:15:30-05:00", "t"));
    assertEquals(Instant.parse("2026-03-01T10:15:30Z"), WebhookJson.instant("2026-03-01T10:15:30", "t"));
    assertEquals(Instant.parse("2019-01-01T00:00:00Z"), WebhookJson.instant("2019-01-01 00:00:00.000Z", "t"));
    assertThrows(MalformedWebhookException.class, () -> WebhookJson.instant("01/03/2026", "t"));
  }

  @Test
  void stringifiedObjectsAreReadAsObjects() {
    var body = json("{\"data\":\"{\\\"eventType\\\":\\\"x\\\"}\",\"n\":1}");
    assertEquals("x", WebhookJson.string(WebhookJson.object(body, "data"), "eventType"));
    var error = assertThrows(MalformedWebhookException.class, () -> WebhookJson.object(body, "n"));
    assertTrue(error.getMessage().contains("n must be a JSON object"));
  }

  @Test
  void eventLinesDropWhatCannotBeMatchedOrMovesNothing() {
    var event = EventLines.of(Kind.ORDER)
        .add("1", " ", 2)
        .add(" ", "SKU", 1)
        .add(null, null, 5)
        .add("2", "X", 0)
        .event("e", null);
    assertEquals(List.of(new Line("1", null, 2), new Line(null, "SKU", 1)), event.lines());
    assertEquals(ChannelEvent.ignored("e"), EventLines.of(Kind.CANCEL).event("e", Instant.EPOCH));
    assertEquals(List.of(new Line("1", null, 0)), EventLines.of(Kind.LEVEL).add("1", null, 0).event("e", null).lines());
    assertThrows(MalformedWebhookException.class, () -> EventLines.of(Kind.REFUND).add("1", null, -1));
  }
}
