package io.stocksync.platform.json;

import io.stocksync.platform.problem.ProblemException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses JSON bodies with fields the target request record does not have (at any depth of nested records): a
 * misspelt field must be an error, not silently ignored. Yasson's own switch for this does not apply to records,
 * which it builds through their constructor.
 */
@Provider
public class UnknownFieldGuard implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (!context.getType().isRecord() || !MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
      return context.proceed();
    }
    byte[] body = context.getInputStream().readAllBytes();
    context.setInputStream(new ByteArrayInputStream(body));
    JsonValue json;
    try (var reader = JsonP.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
      json = reader.readValue();
    } catch (JsonParsingException e) {
      throw ProblemException.badRequest("the body is not valid JSON: " + e.getMessage());
    } catch (RuntimeException e) {
      throw ProblemException.badRequest("the body is not valid JSON");
    }
    if (!(json instanceof JsonObject object)) {
      throw ProblemException.badRequest("the body must be a JSON object");
    }
    check(object, context.getType(), "");
    return context.proceed();
  }

  private static void check(JsonObject object, Class<?> type, String prefix) {
    Map<String, RecordComponent> known = Arrays.stream(type.getRecordComponents())
        .collect(Collectors.toMap(RecordComponent::getName, c -> c));
    for (var entry : object.entrySet()) {
      var component = known.get(entry.getKey());
      if (component == null) {
        Set<String> names = known.keySet();
        throw ProblemException.badRequest("unknown field '" + prefix + entry.getKey() + "'; known fields: "
            + names.stream().sorted().collect(Collectors.joining(", ")));
      }
      if (component.getType().isRecord() && entry.getValue() instanceof JsonObject nested) {
        check(nested, component.getType(), prefix + entry.getKey() + ".");
      }
    }
  }
}
