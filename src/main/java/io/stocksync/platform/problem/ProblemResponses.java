package io.stocksync.platform.problem;

import io.stocksync.platform.request.RequestId;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Builds problem+json responses; the single place that knows the shape's wire details. */
public final class ProblemResponses {

  private ProblemResponses() {}

  public static Response of(int status, String title, String detail, List<Problem.FieldError> errors,
      Map<String, String> headers, String instance) {
    var problem = new Problem("about:blank", title, status, detail, instance, RequestId.current(),
        errors == null || errors.isEmpty() ? null : errors);
    var builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
    headers.forEach(builder::header);
    return builder.build();
  }

  /** The problem's instance: the path the client called. */
  public static String instance(jakarta.ws.rs.core.UriInfo uri) {
    return uri == null ? null : uri.getRequestUri().getRawPath();
  }

  public static Response of(ProblemException e, String instance) {
    return of(e.status(), e.title(), e.getMessage(), e.errors(), e.headers(), instance);
  }
}
