package io.stocksync.platform.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the problem shape straight to a servlet response, for errors raised before JAX-RS runs (the container's
 * authentication). Same record and media type as {@link ProblemResponses}.
 */
public final class ServletProblems {

  private static final Jsonb JSON = JsonbBuilder.create();

  private ServletProblems() {}

  public static void write(HttpServletResponse response, int status, String title, String detail, String instance,
      String requestId) throws IOException {
    var problem = new Problem("about:blank", title, status, detail, instance, requestId, null);
    byte[] body = JSON.toJson(problem).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
