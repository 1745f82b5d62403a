package io.stocksync.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
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
        errors, Map.of(), uri == null ? null : "/" + uri.getPath());
  }

  /** The property path without the method and argument names (create.arg0.sku -> sku). */
  private static String field(ConstraintViolation<?> v) {
    var names = StreamSupport.stream(v.getPropertyPath().spliterator(), false)
        .filter(n -> n.getKind() == jakarta.validation.ElementKind.PROPERTY
            || n.getKind() == jakarta.validation.ElementKind.PARAMETER && !n.getName().startsWith("arg"))
        .map(Path.Node::getName)
        .toList();
    return names.isEmpty() ? "body" : String.join(".", names);
  }
}
