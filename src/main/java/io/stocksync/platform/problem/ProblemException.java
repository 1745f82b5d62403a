package io.stocksync.platform.problem;

import java.util.List;
import java.util.Map;

/** A failure the API reports as a problem+json response with the given status. */
public class ProblemException extends RuntimeException {

  private final int status;
  private final String title;
  private final List<Problem.FieldError> errors;
  private final Map<String, String> headers;

  public ProblemException(int status, String title, String detail) {
    this(status, title, detail, List.of(), Map.of());
  }

  public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors,
      Map<String, String> headers) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = errors;
    this.headers = headers;
  }

  public static ProblemException notFound(String what, Object id) {
    return new ProblemException(404, "Not found", what + " " + id + " does not exist");
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(409, "Conflict", detail);
  }

  public static ProblemException badRequest(String detail) {
    return new ProblemException(400, "Bad request", detail);
  }

  public static ProblemException unprocessable(String detail) {
    return new ProblemException(422, "Unprocessable request", detail);
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(403, "Forbidden", detail);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
