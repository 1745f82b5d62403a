package io.stocksync.platform.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/** A body JSON-B cannot bind (a wrong type, say) is the client's error: 400 with what did not fit. */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

  @Context
  UriInfo uri;

  @Override
  public Response toResponse(JsonbException e) {
    return ProblemResponses.of(400, "Bad request", JsonErrors.clean(e.getMessage()), List.of(), Map.of(),
        ProblemResponses.instance(uri));
  }
}
