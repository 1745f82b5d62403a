package io.stocksync.channel.wix;

import static io.stocksync.channel.webhook.Fixtures.body;
import static io.stocksync.channel.webhook.Fixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.channel.ChannelType;
import io.stocksync.channel.webhook.ChannelEvent;
import io.stocksync.channel.webhook.ChannelEvent.Kind;
import io.stocksync.channel.webhook.ChannelEvent.Line;
import io.stocksync.channel.webhook.MalformedWebhookException;
import io.stocksync.channel.webhook.Signatures;
import io.stocksync.channel.webhook.VendorSigner;
import io.stocksync.channel.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WixWebhookFormatTest {

  private static final KeyPair APP = VendorSigner.rsaKeyPair();
  private static final KeyPair OLD_APP = VendorSigner.rsaKeyPair();
  private static final String KEY = VendorSigner.pem(APP.getPublic());
  private static final Instant ISSUED = Instant.parse("2026-03-01T10:15:32Z");

  private final WixWebhookFormat format = new WixWebhookFormat(Clock.fixed(ISSUED.plusSeconds(2), ZoneOffset.UTC));

  private static String claims(String fixture) {
    return claims(fixture, "", "");
  }

  /** The claims of a fixture with one text replaced in its readable form. */
  private static String claims(String fixture, String text, String replacement) {
    String envelope = new String(body("wix", fixture), StandardCharsets.UTF_8);
    String changed = text.isEmpty() ? envelope : envelope.replace(text, replacement);
    assertTrue(text.isEmpty() || !changed.equals(envelope), "the fixture contains " + text);
    return VendorSigner.wixClaims(changed, ISSUED);
  }

  private static WebhookRequest delivery(String fixture) {
    return jwt(VendorSigner.wix(claims(fixture), APP.getPrivate()));
  }

  private static WebhookRequest jwt(String token) {
    return request(Map.of("Content-Type", "text/plain"), token.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void isTheWixFormat() {
    assertEquals(ChannelType.WIX, format.type());
  }

  @Test
  void acceptsATokenSignedWithTheAppKey() {
    assertTrue(format.verify(delivery("order-approved.json"), List.of(KEY)));
  }

  @Test
  void acceptsABodyWithATrailingNewlineAndABareBase64Key() {
    String token = VendorSigner.wix(claims("order-approved.json"), APP.getPrivate()) + "\r\n";
    String bare = Base64.getEncoder().encodeToString(APP.getPublic().getEncoded());
    assertTrue(format.verify(jwt(token), List.of(bare)));
  }

  @Test
  void rejectsATamperedPayload() {
    String[] parts = VendorSigner.wix(claims("order-approved.json"), APP.getPrivate()).split("\\.");
    String forged = claims("order-approved.json", "\"quantity\": 2", "\"quantity\": 1");
    String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(Signatures.utf8(forged));
    assertFalse(format.verify(jwt(parts[0] + "." + payload + "." + parts[2]), List.of(KEY)));
  }

  @Test
  void rejectsAnotherKey() {
    assertFalse(format.verify(delivery("order-approved.json"), List.of(VendorSigner.pem(OLD_APP.getPublic()))));
    assertFalse(format.verify(delivery("order-approved.json"), List.of("not a key", "")));
  }

  @Test
  void acceptsThePreviousKeyDuringARotation() {
    var signedWithOld = jwt(VendorSigner.wix(claims("order-approved.json"), OLD_APP.getPrivate()));
    assertTrue(format.verify(signedWithOld, List.of(KEY, VendorSigner.pem(OLD_APP.getPublic()))));
  }

  @Test
  void acceptsOnlyRs256() {
    String claims = claims("order-approved.json");
    assertFalse(format.verify(jwt(VendorSigner.jwt("{\"alg\":\"RS512\"}", claims, APP.getPrivate())), List.of(KEY)));
    var encoder = Base64.getUrlEncoder().withoutPadding();
    String unsigned = encoder.encodeToString(Signatures.utf8("{\"alg\":\"none\"}")) + "."
        + encoder.encodeToString(Signatures.utf8(claims)) + ".";
    assertFalse(format.verify(jwt(unsigned), List.of(KEY)));
    String input = encoder.encodeToString(Signatures.utf8("{\"alg\":\"HS256\"}")) + "."
        + encoder.encodeToString(Signatures.utf8(claims));
    String hmacWithThePublicKey = encoder.encodeToString(Signatures.hmacSha256(Signatures.utf8(KEY),
        Signatures.utf8(input)));
    assertFalse(format.verify(jwt(input + "." + hmacWithThePublicKey), List.of(KEY)));
  }

  @Test
  void rejectsAnExpiredToken() {
    var later = new WixWebhookFormat(Clock.fixed(ISSUED.plusSeconds(300 + 61), ZoneOffset.UTC));
    assertFalse(later.verify(delivery("order-approved.json"), List.of(KEY)));
    var justInTime = new WixWebhookFormat(Clock.fixed(ISSUED.plusSeconds(300 + 59), ZoneOffset.UTC));
    assertTrue(justInTime.verify(delivery("order-approved.json"), List.of(KEY)));
  }

  @Test
  void rejectsWhatIsNoToken() {
    assertFalse(format.verify(jwt("{\"data\":\"x\"}"), List.of(KEY)));
    assertFalse(format.verify(jwt("a.b"), List.of(KEY)));
    assertFalse(format.verify(jwt("a.b.!!!"), List.of(KEY)));
  }

  @Test
  void theDeliveryIdIsTheWixEventId() {
    assertEquals("4b9a3f6e-1d2c-4e5f-8a9b-0c1d2e3f4a5b", format.deliveryId(delivery("order-approved.json")));
  }

  @Test
  void anApprovedOrderSellsProductsAndVariants() {
    ChannelEvent event = format.parse(delivery("order-approved.json"));
    assertEquals(Kind.ORDER, event.kind());
    assertEquals("4b9a3f6e-1d2c-4e5f-8a9b-0c1d2e3f4a5b", event.eventId());
    assertEquals(Instant.parse("2026-03-01T10:15:31.123Z"), event.occurredAt());
    assertEquals(List.of(
        new Line("5376f9ec-b92e-efa9-e4a1-f4f480aa0d3a:00000000-0000-0020-0005-ad9cdc10d3b8", "MUG-RED", 2),
        new Line("df19c1f7-07d8-a265-42f8-e8dfa824cc6e", "TOWEL", 1)), event.lines());
  }

  @Test
  void aCanceledOrderGivesItsUnitsBackUnlessNotRestocked() {
    ChannelEvent event = format.parse(delivery("order-canceled.json"));
    assertEquals(Kind.CANCEL, event.kind());
    assertEquals(2, event.lines().size());
    String notRestocked = claims("order-canceled.json", "\"restockAllItems\": true", "\"restockAllItems\": false");
    assertEquals(Kind.IGNORED, format.parse(jwt(VendorSigner.wix(notRestocked, APP.getPrivate()))).kind());
  }

  @Test
  void otherEventsAreNoStockEvents() {
    assertEquals(ChannelEvent.ignored("0f1e2d3c-4b5a-4968-8776-65544332211a"), format.parse(delivery(
        "order-updated.json")));
  }

  @Test
  void malformedDeliveriesSayWhatIsWrong() {
    assertMalformed("not-a-jwt", "body is not a JWT");
    assertMalformed(token("[]"), "JWT payload must be a JSON object");
    assertMalformed(token("{\"iat\":1}"), "data is missing");
    assertMalformed(token("{\"data\":\"{\\\"instanceId\\\":\\\"i\\\"}\"}"), "eventType is missing");
    assertMalformed(token("{\"data\":\"{not json\"}"), "data is not JSON");
    assertMalformed(token("{\"data\":{\"eventType\":\"wix.ecom.v1.order_approved\",\"data\":{\"id\":\"e\"}}}"),
        "actionEvent is missing");
  }

  private static String token(String claims) {
    return VendorSigner.wix(claims, APP.getPrivate());
  }

  private void assertMalformed(String token, String message) {
    var error = assertThrows(MalformedWebhookException.class, () -> format.parse(jwt(token)));
    assertTrue(error.getMessage().contains(message), error.getMessage());
  }
}
