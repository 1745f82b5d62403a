package io.stocksync.channel.webhook;

import io.stocksync.platform.json.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads from a vendor's JSON (JSON-P, so ids above 2^53 stay exact). Every wrong shape becomes a
 * {@link MalformedWebhookException} naming the field, never a NullPointerException or ClassCastException.
 */
public final class WebhookJson {

  private WebhookJson() {}

  public static JsonObject parse(byte[] body) {
    try (var reader = JsonP.createReader(new ByteArrayInputStream(body))) {
      return asObject(reader.readValue(), "body");
    } catch (JsonException e) {
      throw new MalformedWebhookException("body is not JSON: " + e.getMessage(), e);
    }
  }

  public static JsonObject parse(String text, String what) {
    try (var reader = JsonP.createReader(new StringReader(text))) {
      return asObject(reader.readValue(), what);
    } catch (JsonException e) {
      throw new MalformedWebhookException(what + " is not JSON: " + e.getMessage(), e);
    }
  }

  /** A required object field; a field holding stringified JSON (Wix does this) is parsed too. */
  public static JsonObject object(JsonObject parent, String name) {
    JsonValue value = required(parent, name);
    if (value instanceof JsonString text) {
      return parse(text.getString(), name);
    }
    return asObject(value, name);
  }

  public static Optional<JsonObject> optionalObject(JsonObject parent, String name) {
    return present(parent, name) ? Optional.of(object(parent, name)) : Optional.empty();
  }

  /** The objects of a required array field. */
  public static List<JsonObject> objects(JsonObject parent, String name) {
    JsonValue value = required(parent, name);
    if (!(value instanceof JsonArray array)) {
      throw new MalformedWebhookException(name + " must be an array");
    }
    return array.stream().map(element -> asObject(element, name + "[]")).toList();
  }

  /** The objects of an optional array field (missing or null: none). */
  public static List<JsonObject> optionalObjects(JsonObject parent, String name) {
    return present(parent, name) ? objects(parent, name) : List.of();
  }

  public static String string(JsonObject parent, String name) {
    return optionalString(parent, name).orElseThrow(() -> missing(name));
  }

  public static Optional<String> optionalString(JsonObject parent, String name) {
    if (!present(parent, name)) {
      return Optional.empty();
    }
    if (!(parent.get(name) instanceof JsonString text)) {
      throw new MalformedWebhookException(name + " must be a string");
    }
    return Optional.of(text.getString());
  }

  /** An id given as a JSON integer or string, as text; exact for ids beyond 2^53. */
  public static Optional<String> optionalId(JsonObject parent, String name) {
    if (!present(parent, name)) {
      return Optional.empty();
    }
    JsonValue value = parent.get(name);
    if (value instanceof JsonString text) {
      return Optional.of(text.getString());
    }
    return Optional.of(Long.toString(integer(parent, name)));
  }

  public static String id(JsonObject parent, String name) {
    return optionalId(parent, name).orElseThrow(() -> missing(name));
  }

  public static long integer(JsonObject parent, String name) {
    return optionalInteger(parent, name).orElseThrow(() -> missing(name));
  }

  public static Optional<Long> optionalInteger(JsonObject parent, String name) {
    if (!present(parent, name)) {
      return Optional.empty();
    }
    if (!(parent.get(name) instanceof JsonNumber number) || !number.isIntegral()) {
      throw new MalformedWebhookException(name + " must be an integer");
    }
    try {
      return Optional.of(number.longValueExact());
    } catch (ArithmeticException e) {
      throw new MalformedWebhookException(name + " is out of range: " + number);
    }
  }

  /**
   * A count of units given as a JSON number or a decimal string (Square), rounded down to whole units: a fraction
   * of an item cannot be sold.
   */
  public static Optional<Long> optionalUnits(JsonObject parent, String name) {
    if (!present(parent, name)) {
      return Optional.empty();
    }
    JsonValue value = parent.get(name);
    try {
      BigDecimal units = value instanceof JsonString text ? new BigDecimal(text.getString().strip())
          : value instanceof JsonNumber number ? number.bigDecimalValue() : null;
      if (units == null) {
        throw new MalformedWebhookException(name + " must be a number");
      }
      return Optional.of(units.setScale(0, RoundingMode.FLOOR).longValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      throw new MalformedWebhookException(name + " is not a quantity: " + value);
    }
  }

  public static Optional<Boolean> optionalBoolean(JsonObject parent, String name) {
    if (!present(parent, name)) {
      return Optional.empty();
    }
    JsonValue value = parent.get(name);
    if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
      throw new MalformedWebhookException(name + " must be true or false");
    }
    return Optional.of(value == JsonValue.TRUE);
  }

  /** An RFC 3339 time; without an offset (WooCommerce's *_gmt fields) it is read as UTC. */
  public static Instant instant(String text, String what) {
    String iso = text.strip().replace(' ', 'T');
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException withOffset) {
      try {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new MalformedWebhookException(what + " is not a timestamp: " + text);
      }
    }
  }

  public static Optional<Instant> optionalInstant(JsonObject parent, String name) {
    return optionalString(parent, name).filter(s -> !s.isBlank()).map(s -> instant(s, name));
  }

  public static MalformedWebhookException missing(String name) {
    return new MalformedWebhookException(name + " is missing");
  }

  private static boolean present(JsonObject parent, String name) {
    return parent.containsKey(name) && parent.get(name).getValueType() != JsonValue.ValueType.NULL;
  }

  private static JsonValue required(JsonObject parent, String name) {
    if (!present(parent, name)) {
      throw missing(name);
    }
    return parent.get(name);
  }

  private static JsonObject asObject(JsonValue value, String what) {
    if (!(value instanceof JsonObject object)) {
      throw new MalformedWebhookException(what + " must be a JSON object");
    }
    return object;
  }
}
