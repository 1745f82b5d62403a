package io.stocksync.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.StreamSupport;

/** Bean Validation failures: 400 with one error per field. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Context
  UriInfo uri;

  @Override
  public Response toResponse(ConstraintViolationException e) {
    var errors = e.getConstraintViolations().stream()
        .map(v -> new Problem.FieldError(field(v), v.getMessage()))
        .sorted(Comparator.comparing(Problem.FieldError::field))
        .toList();
    return ProblemResponses.of(400, "Invalid request", "The request has " + errors.size() + " invalid field(s).",
        errors, Map.of(), ProblemResponses.instance(uri));
  }

  /**
   * The field as the client knows it: the property path inside the body (create.request.sku -> sku), else the
   * parameter's name (a query parameter, or "request" for the body as a whole).
   */
  private static String field(ConstraintViolation<?> v) {
    var nodes = StreamSupport.stream(v.getPropertyPath().spliterator(), false).toList();
    var properties = nodes.stream().filter(n -> n.getKind() == ElementKind.PROPERTY).map(Path.Node::getName).toList();
    if (!properties.isEmpty()) {
      return String.join(".", properties);
    }
    return nodes.stream().filter(n -> n.getKind() == ElementKind.PARAMETER).map(Path.Node::getName)
        .reduce((first, last) -> last).orElse("request");
  }
}
