package io.stocksync.platform.request;

import io.stocksync.platform.security.Caller;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

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
    // Authentication ran in the servlet layer already: the token's tenant names this request's log records.
    if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token
        && token.getClaim(Caller.TENANT_CLAIM) != null) {
      LogContext.put(LogContext.TENANT_ID, token.getClaim(Caller.TENANT_CLAIM).toString());
    }
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
