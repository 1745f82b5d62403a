package io.stocksync.platform.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

  @Context
  UriInfo uri;

  @Override
  public Response toResponse(ProblemException e) {
    return ProblemResponses.of(e, ProblemResponses.instance(uri));
  }
}
