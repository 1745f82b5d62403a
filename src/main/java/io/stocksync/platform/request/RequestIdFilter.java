package io.stocksync.platform.request;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/** Runs first: every request has an id before anything can fail, and every response carries it. */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final Logger LOG = Logger.getLogger(RequestIdFilter.class.getName());
  private static final String PROPERTY = "stocksync.requestId";

  @Override
  public void filter(ContainerRequestContext request) {
    String id = RequestId.acceptOrCreate(request.getHeaderString(RequestId.HEADER));
    request.setProperty(PROPERTY, id);
    RequestId.bind(id);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object id = request.getProperty(PROPERTY);
    if (id != null) {
      response.getHeaders().putSingle(RequestId.HEADER, id);
      LOG.fine(() -> request.getMethod() + " " + request.getUriInfo().getPath() + " -> " + response.getStatus()
          + " [requestId=" + id + "]");
    }
    RequestId.unbind();
  }
}
