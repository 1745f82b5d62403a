package io.stocksync.alert.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.channel.generic.StandardWebhookFormat;
import io.stocksync.channel.webhook.Fixtures;
import io.stocksync.channel.webhook.VendorSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

  // The test vector of the Standard Webhooks specification (github.com/standard-webhooks/standard-webhooks, the
  // reference libraries' tests); also checked with `openssl dgst -sha256 -mac HMAC`.
  private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long SPEC_TIMESTAMP = 1614265330;
  private static final String SPEC_BODY = "{\"test\": 2432232314}";
  private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  @Test
  void signsThePublishedExample() {
    assertEquals(SPEC_SIGNATURE,
        WebhookSigner.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void everyPartIsSigned() {
    byte[] body = SPEC_BODY.getBytes(StandardCharsets.UTF_8);
    assertNotEquals(SPEC_SIGNATURE, WebhookSigner.sign(SPEC_SECRET, "msg_other", SPEC_TIMESTAMP, body));
    assertNotEquals(SPEC_SIGNATURE, WebhookSigner.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP + 1, body));
    assertNotEquals(SPEC_SIGNATURE, WebhookSigner.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP,
        "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void newSecretsAreRandomWhsecKeysOf32Bytes() {
    String secret = WebhookSigner.newSecret();
    assertTrue(secret.startsWith("whsec_"), secret);
    assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
    assertNotEquals(secret, WebhookSigner.newSecret());
  }

  @Test
  void anIndependentSignerAndOurVerifierAgreeWithIt() {
    String secret = WebhookSigner.newSecret();
    byte[] body = "{\"type\":\"alert.raised\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);
    long now = 1_772_360_130;
    String signature = WebhookSigner.sign(secret, "msg_1", now, body);
    assertEquals(VendorSigner.standard("msg_1", now, body, secret), signature);
    var format = new StandardWebhookFormat(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC));
    var headers = Map.of("webhook-id", "msg_1", "webhook-timestamp", Long.toString(now),
        "webhook-signature", signature);
    assertTrue(format.verify(Fixtures.request(headers, body), List.of(secret)));
  }

  @Test
  void duringARotationEachSecretSignsAndOurVerifierTakesEitherAlone() {
    String current = WebhookSigner.newSecret();
    String previous = SPEC_SECRET;
    byte[] body = SPEC_BODY.getBytes(StandardCharsets.UTF_8);
    String header = WebhookSigner.sign(List.of(current, previous), SPEC_ID, SPEC_TIMESTAMP, body);
    assertEquals(WebhookSigner.sign(current, SPEC_ID, SPEC_TIMESTAMP, body) + " " + SPEC_SIGNATURE, header);
    var format = new StandardWebhookFormat(Clock.fixed(Instant.ofEpochSecond(SPEC_TIMESTAMP), ZoneOffset.UTC));
    var headers = Map.of("webhook-id", SPEC_ID, "webhook-timestamp", Long.toString(SPEC_TIMESTAMP),
        "webhook-signature", header);
    assertTrue(format.verify(Fixtures.request(headers, body), List.of(previous)), "a receiver still on the old one");
    assertTrue(format.verify(Fixtures.request(headers, body), List.of(current)), "a receiver already on the new");
  }

  @Test
  void refusesAnUnusableSecret() {
    assertThrows(IllegalArgumentException.class, () -> WebhookSigner.sign("whsec_!!!", "msg_1", 1, new byte[0]));
  }
}
