package io.stocksync.platform.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.InputStream;
import java.io.Reader;
import java.util.Collection;

/**
 * {@link jakarta.json.Json}'s factory methods on one provider looked up once. {@code Json.createReader} and its
 * siblings look the provider up through a ServiceLoader scan of the class path on every call: 13 % of the CPU a
 * webhook costs at intake (docs/benchmarks.md, 2026-11-23 night).
 */
public final class JsonP {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private JsonP() {}

  public static JsonReader createReader(InputStream in) {
    return PROVIDER.createReader(in);
  }

  public static JsonReader createReader(Reader in) {
    return PROVIDER.createReader(in);
  }

  public static JsonObjectBuilder createObjectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonObjectBuilder createObjectBuilder(JsonObject start) {
    return PROVIDER.createObjectBuilder(start);
  }

  public static JsonArrayBuilder createArrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonArrayBuilder createArrayBuilder(Collection<?> values) {
    return PROVIDER.createArrayBuilder(values);
  }

  public static JsonNumber createValue(long value) {
    return PROVIDER.createValue(value);
  }

  public static JsonString createValue(String value) {
    return PROVIDER.createValue(value);
  }
}
