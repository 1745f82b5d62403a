package io.stocksync.channel.webhook;

import io.stocksync.platform.json.JsonP;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs payloads the way each vendor does, for unit and integration tests. It shares no code with the formats it
 * tests: HMAC is written out from RFC 2104 (which also covers WooCommerce's empty secret) and JWTs are built by hand.
 * The *Headers methods answer the headers a vendor sends with a delivery.
 */
public final class VendorSigner {

  private VendorSigner() {}

  /** X-Shopify-Hmac-Sha256: base64(HMAC-SHA256(body, app secret)). */
  public static String shopify(byte[] body, String secret) {
    return base64(hmac(utf8(secret), body));
  }

  /** X-WC-Webhook-Signature: base64(HMAC-SHA256(body, secret)); the secret may be empty. */
  public static String wooCommerce(byte[] body, String secret) {
    return base64(hmac(utf8(secret), body));
  }

  /** x-square-hmacsha256-signature: base64(HMAC-SHA256(notification URL + body, signature key)). */
  public static String square(String notificationUrl, byte[] body, String signatureKey) {
    return base64(hmac(utf8(signatureKey), concat(utf8(notificationUrl), body)));
  }

  /** X-Deliveroo-Hmac-Sha256: hex(HMAC-SHA256(sequence GUID + " " + body, webhook secret)). */
  public static String deliveroo(String sequenceGuid, byte[] body, String secret) {
    return HexFormat.of().formatHex(hmac(utf8(secret), concat(utf8(sequenceGuid + " "), body)));
  }

  /** One webhook-signature entry, "v1,base64(...)"; a "whsec_" secret is base64 of the key, any other is the key. */
  public static String standard(String webhookId, long timestamp, byte[] body, String secret) {
    byte[] key = secret.startsWith("whsec_") ? Base64.getDecoder().decode(secret.substring(6)) : utf8(secret);
    return "v1," + base64(hmac(key, concat(utf8(webhookId + "." + timestamp + "."), body)));
  }

  public static Map<String, String> shopifyHeaders(String topic, String eventId, byte[] body, String secret) {
    var headers = new LinkedHashMap<String, String>();
    headers.put("X-Shopify-Topic", topic);
    headers.put("X-Shopify-Hmac-Sha256", shopify(body, secret));
    headers.put("X-Shopify-Shop-Domain", "corner.myshopify.com");
    headers.put("X-Shopify-API-Version", "2026-01");
    headers.put("X-Shopify-Webhook-Id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043");
    headers.put("X-Shopify-Event-Id", eventId);
    headers.put("X-Shopify-Triggered-At", "2026-03-01T15:15:31.877041743Z");
    return headers;
  }

  public static Map<String, String> wooCommerceHeaders(String topic, String deliveryId, byte[] body, String secret) {
    var headers = new LinkedHashMap<String, String>();
    headers.put("X-WC-Webhook-Source", "https://shop.example.com/");
    headers.put("X-WC-Webhook-Topic", topic);
    headers.put("X-WC-Webhook-Resource", topic.substring(0, topic.indexOf('.')));
    headers.put("X-WC-Webhook-Event", topic.substring(topic.indexOf('.') + 1));
    headers.put("X-WC-Webhook-Signature", wooCommerce(body, secret));
    headers.put("X-WC-Webhook-ID", "12");
    headers.put("X-WC-Webhook-Delivery-ID", deliveryId);
    return headers;
  }

  /** The unsigned form body WooCommerce POSTs to test a new webhook's address (no X-WC-* headers at all). */
  public static byte[] wooCommercePing(long webhookId) {
    return ("webhook_id=" + webhookId).getBytes(StandardCharsets.US_ASCII);
  }

  public static Map<String, String> squareHeaders(String notificationUrl, byte[] body, String signatureKey) {
    var headers = new LinkedHashMap<String, String>();
    headers.put("x-square-hmacsha256-signature", square(notificationUrl, body, signatureKey));
    headers.put("square-environment", "Production");
    headers.put("square-initial-delivery-timestamp", "2026-03-01T18:38:45.455Z");
    headers.put("square-retry-number", "0");
    return headers;
  }

  public static Map<String, String> deliverooHeaders(String sequenceGuid, byte[] body, String secret) {
    var headers = new LinkedHashMap<String, String>();
    headers.put("X-Deliveroo-Sequence-Guid", sequenceGuid);
    headers.put("X-Deliveroo-Hmac-Sha256", deliveroo(sequenceGuid, body, secret));
    headers.put("X-Deliveroo-Payload-Type", "webhook_order");
    headers.put("X-Deliveroo-Webhook-Version", "2.0");
    return headers;
  }

  /** Standard Webhooks headers, signed with every secret given (a sender rotating secrets signs with both). */
  public static Map<String, String> standardHeaders(String webhookId, long timestamp, byte[] body, String... secrets) {
    var signatures = new StringBuilder();
    for (String secret : secrets) {
      signatures.append(signatures.isEmpty() ? "" : " ").append(standard(webhookId, timestamp, body, secret));
    }
    var headers = new LinkedHashMap<String, String>();
    headers.put("webhook-id", webhookId);
    headers.put("webhook-timestamp", Long.toString(timestamp));
    headers.put("webhook-signature", signatures.toString());
    return headers;
  }

  public static KeyPair rsaKeyPair() {
    try {
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The PEM text of a public key, as the Wix app dashboard shows it. */
  public static String pem(PublicKey key) {
    var encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    String base64 = encoder.encodeToString(key.getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
  }

  /**
   * The JWT claims of a Wix webhook from a readable envelope {eventType, instanceId, identity, data}: Wix sends
   * "data", "identity", and inside the event bodyAsJson / entityAsJson / currentEntityAsJson as stringified JSON.
   */
  public static String wixClaims(String envelopeJson, Instant issuedAt) {
    JsonObject envelope = JsonP.createReader(new StringReader(envelopeJson)).readObject();
    JsonObject event = envelope.getJsonObject("data");
    var eventBuilder = JsonP.createObjectBuilder(event);
    for (String holder : new String[] {"actionEvent", "createdEvent", "updatedEvent"}) {
      if (event.containsKey(holder)) {
        eventBuilder.add(holder, stringifyObjects(event.getJsonObject(holder)));
      }
    }
    JsonObject stringified = stringifyObjects(JsonP.createObjectBuilder(envelope).add("data", eventBuilder).build());
    return JsonP.createObjectBuilder()
        .add("data", stringified.toString())
        .add("iat", issuedAt.getEpochSecond())
        .add("exp", issuedAt.plusSeconds(300).getEpochSecond())
        .build().toString();
  }

  /** A compact JWT of the claims, signed RS256 like a Wix webhook body. */
  public static String wix(String claimsJson, PrivateKey key) {
    return jwt("{\"kid\":\"qG1kD2dz\",\"alg\":\"RS256\"}", claimsJson, key);
  }

  /** A compact JWT with any header (to test that only RS256 is accepted). */
  public static String jwt(String headerJson, String claimsJson, PrivateKey key) {
    var encoder = Base64.getUrlEncoder().withoutPadding();
    String input = encoder.encodeToString(utf8(headerJson)) + "." + encoder.encodeToString(utf8(claimsJson));
    try {
      var signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(key);
      signer.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + encoder.encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every object-valued member becomes its JSON text, as Wix nests payloads. */
  private static JsonObject stringifyObjects(JsonObject object) {
    var builder = JsonP.createObjectBuilder();
    object.forEach((name, value) -> builder.add(name,
        value.getValueType() == JsonValue.ValueType.OBJECT ? JsonP.createValue(value.toString()) : value));
    return builder.build();
  }

  /** HMAC-SHA256 as RFC 2104 defines it: keys up to the 64-byte block are zero-padded, the empty key included. */
  static byte[] hmac(byte[] key, byte[] message) {
    try {
      var sha256 = MessageDigest.getInstance("SHA-256");
      byte[] shortKey = key.length > 64 ? sha256.digest(key) : key;
      byte[] block = new byte[64];
      System.arraycopy(shortKey, 0, block, 0, shortKey.length);
      byte[] inner = new byte[64];
      byte[] outer = new byte[64];
      for (int i = 0; i < 64; i++) {
        inner[i] = (byte) (block[i] ^ 0x36);
        outer[i] = (byte) (block[i] ^ 0x5c);
      }
      sha256.update(inner);
      byte[] innerHash = sha256.digest(message);
      sha256.update(outer);
      return sha256.digest(innerHash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] all = new byte[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
