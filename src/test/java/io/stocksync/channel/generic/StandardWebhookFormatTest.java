package io.stocksync.channel.generic;

import static io.stocksync.channel.webhook.Fixtures.body;
import static io.stocksync.channel.webhook.Fixtures.request;
import static io.stocksync.channel.webhook.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.channel.ChannelType;
import io.stocksync.channel.webhook.ChannelEvent;
import io.stocksync.channel.webhook.ChannelEvent.Kind;
import io.stocksync.channel.webhook.ChannelEvent.Line;
import io.stocksync.channel.webhook.MalformedWebhookException;
import io.stocksync.channel.webhook.VendorSigner;
import io.stocksync.channel.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandardWebhookFormatTest {

  // The example published with the Standard Webhooks reference libraries.
  private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long SPEC_TIMESTAMP = 1614265330;
  private static final String SPEC_BODY = "{\"test\": 2432232314}";
  private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  private static final String SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
  private static final String OLD_SECRET = "whsec_u8Z0e6hMpjT0D6S3yQ3JFPyeHbq2M8Wb";
  private static final long NOW = 1772360130;
  private static final String ID = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";

  private final StandardWebhookFormat format = at(NOW);

  private static StandardWebhookFormat at(long epochSecond) {
    return new StandardWebhookFormat(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
  }

  private static WebhookRequest delivery(String fixture, long timestamp, String... secrets) {
    byte[] body = body("generic", fixture);
    return request(VendorSigner.standardHeaders(ID, timestamp, body, secrets), body);
  }

  @Test
  void isTheGenericFormat() {
    assertEquals(ChannelType.GENERIC, format.type());
  }

  @Test
  void verifiesThePublishedExample() {
    byte[] body = SPEC_BODY.getBytes(StandardCharsets.UTF_8);
    var headers = Map.of("webhook-id", SPEC_ID, "webhook-timestamp", Long.toString(SPEC_TIMESTAMP),
        "webhook-signature", SPEC_SIGNATURE);
    assertTrue(at(SPEC_TIMESTAMP).verify(request(headers, body), List.of(SPEC_SECRET)));
    assertEquals(SPEC_SIGNATURE, VendorSigner.standard(SPEC_ID, SPEC_TIMESTAMP, body, SPEC_SECRET));
  }

  @Test
  void acceptsTheSenderSignature() {
    assertTrue(format.verify(delivery("order-created.json", NOW, SECRET), List.of(SECRET)));
  }

  @Test
  void rejectsATamperedBody() {
    byte[] body = body("generic", "order-created.json");
    byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"quantity\": 2", "\"quantity\": 0")
        .getBytes(StandardCharsets.UTF_8);
    var headers = VendorSigner.standardHeaders(ID, NOW, body, SECRET);
    assertFalse(format.verify(request(headers, tampered), List.of(SECRET)));
    assertFalse(format.verify(request(with(headers, "webhook-id", "msg_other"), body), List.of(SECRET)),
        "the id is signed too");
  }

  @Test
  void rejectsAnotherSecret() {
    assertFalse(format.verify(delivery("order-created.json", NOW, SECRET), List.of(OLD_SECRET)));
    assertFalse(format.verify(delivery("order-created.json", NOW, SECRET), List.of("whsec_!!!", "")));
  }

  @Test
  void secretsRotateOnEitherSide() {
    var signedWithBoth = delivery("order-created.json", NOW, OLD_SECRET, SECRET);
    assertTrue(format.verify(signedWithBoth, List.of(SECRET)), "the sender signs with old and new");
    var signedWithOld = delivery("order-created.json", NOW, OLD_SECRET);
    assertTrue(format.verify(signedWithOld, List.of(SECRET, OLD_SECRET)), "we still hold the previous secret");
  }

  @Test
  void skipsOtherSignatureVersionsAndGarbage() {
    byte[] body = body("generic", "order-created.json");
    String valid = VendorSigner.standard(ID, NOW, body, SECRET);
    var headers = Map.of("webhook-id", ID, "webhook-timestamp", Long.toString(NOW),
        "webhook-signature", "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw== v1,%%% v2," + valid.substring(3) + " " + valid);
    assertTrue(format.verify(request(headers, body), List.of(SECRET)));
    var onlyOthers = with(headers, "webhook-signature", "v2," + valid.substring(3));
    assertFalse(format.verify(request(onlyOthers, body), List.of(SECRET)));
  }

  @Test
  void aSecretWithoutPrefixIsTheKeyItself() {
    assertTrue(format.verify(delivery("order-created.json", NOW, "plain shared secret"),
        List.of("plain shared secret")));
  }

  @Test
  void refusesTimestampsOutsideFiveMinutes() {
    assertTrue(format.verify(delivery("order-created.json", NOW - 300, SECRET), List.of(SECRET)));
    assertTrue(format.verify(delivery("order-created.json", NOW + 300, SECRET), List.of(SECRET)));
    assertFalse(format.verify(delivery("order-created.json", NOW - 301, SECRET), List.of(SECRET)), "a replay");
    assertFalse(format.verify(delivery("order-created.json", NOW + 301, SECRET), List.of(SECRET)));
  }

  @Test
  void refusesMissingOrOddHeaders() {
    var valid = delivery("order-created.json", NOW, SECRET);
    byte[] body = valid.body();
    var headers = VendorSigner.standardHeaders(ID, NOW, body, SECRET);
    for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
      assertFalse(format.verify(request(with(headers, name, null), body), List.of(SECRET)), name);
    }
    assertFalse(format.verify(request(with(headers, "webhook-timestamp", "+" + NOW), body), List.of(SECRET)));
    assertFalse(format.verify(request(with(headers, "webhook-timestamp", "soon"), body), List.of(SECRET)));
  }

  @Test
  void readsHeadersInAnyCaseWithATrailingNewline() {
    byte[] body = body("generic", "order-created.json");
    var headers = Map.of("Webhook-Id", ID, "WEBHOOK-TIMESTAMP", NOW + "\n",
        "Webhook-Signature", VendorSigner.standard(ID, NOW, body, SECRET) + "\n");
    assertTrue(format.verify(request(headers, body), List.of(SECRET)));
  }

  @Test
  void theDeliveryIdIsTheWebhookId() {
    assertEquals(ID, format.deliveryId(delivery("order-created.json", NOW, SECRET)));
    assertThrows(MalformedWebhookException.class, () -> format.deliveryId(request(Map.of(), new byte[0])));
  }

  @Test
  void anOrderSellsItsLines() {
    ChannelEvent event = format.parse(delivery("order-created.json", NOW, SECRET));
    assertEquals(Kind.ORDER, event.kind());
    assertEquals(ID, event.eventId());
    assertEquals(Instant.parse("2026-03-01T10:15:30.344522Z"), event.occurredAt());
    assertEquals(List.of(new Line("till-4411", "MUG-RED", 2), new Line(null, "TOWEL", 1),
        new Line("9007199254740993", null, 3)), event.lines());
  }

  @Test
  void aStockLevelIsAbsolute() {
    ChannelEvent event = format.parse(delivery("stock-level.json", NOW, SECRET));
    assertEquals(Kind.LEVEL, event.kind());
    assertEquals(List.of(new Line("till-4411", "MUG-RED", -2), new Line("till-4412", null, 0)), event.lines());
    assertEquals(Instant.parse("2026-03-01T10:20:00Z"), event.occurredAt());
  }

  @Test
  void cancellationsAndRefundsGiveUnitsBackAndOtherTypesAreIgnored() {
    String lines = ",\"data\":{\"lines\":[{\"sku\":\"A\",\"quantity\":1}]}}";
    assertEquals(Kind.CANCEL, parse("{\"type\":\"order.cancelled\"" + lines).kind());
    assertEquals(Kind.REFUND, parse("{\"type\":\"order.refunded\"" + lines).kind());
    assertEquals(ChannelEvent.ignored(ID), parse("{\"type\":\"customer.created\",\"data\":{\"id\":\"c1\"}}"));
  }

  @Test
  void malformedDeliveriesSayWhatIsWrong() {
    assertMalformed("{\"data\":{}}", "type is missing");
    assertMalformed("{\"type\":\"order.created\"}", "data is missing");
    assertMalformed("{\"type\":\"order.created\",\"data\":{\"lines\":[1]}}", "lines[] must be a JSON object");
    assertMalformed("{\"type\":\"order.created\",\"data\":{\"lines\":[{\"sku\":\"A\",\"quantity\":\"2\"}]}}",
        "quantity must be an integer");
    assertMalformed("{\"type\":\"stock.level\",\"timestamp\":\"now\",\"data\":{\"lines\":[]}}",
        "timestamp is not a timestamp");
  }

  private ChannelEvent parse(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return format.parse(request(VendorSigner.standardHeaders(ID, NOW, body, SECRET), body));
  }

  private void assertMalformed(String json, String message) {
    var error = assertThrows(MalformedWebhookException.class, () -> parse(json));
    assertTrue(error.getMessage().contains(message), error.getMessage());
  }
}
