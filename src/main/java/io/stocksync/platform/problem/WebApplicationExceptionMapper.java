package io.stocksync.platform.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/** JAX-RS's own errors (unknown path, wrong method, unsupported media type, ...) in the problem shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Context
  UriInfo uri;

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    var reason = Response.Status.fromStatusCode(status);
    String title = reason == null ? "HTTP " + status : reason.getReasonPhrase();
    String detail = status >= 500 ? "The server could not complete the request." : describe(e, title);
    return ProblemResponses.of(status, title, detail, List.of(), Map.of(), ProblemResponses.instance(uri));
  }

  private static String describe(WebApplicationException e, String title) {
    // Unwrap body-reading failures (malformed JSON, unknown fields, wrong types): they say what is wrong.
    Throwable cause = e.getCause();
    while (cause != null && cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    String message = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage();
    return message == null || message.startsWith("HTTP ") ? title : JsonErrors.clean(message);
  }
}
