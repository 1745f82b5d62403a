package io.stocksync.platform.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** RFC 9457 problem details, with the request id and, for invalid input, one entry per offending field. */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "errors"})
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid input: where (a JSON path or parameter name) and why. */
  public record FieldError(String field, String message) {}
}
