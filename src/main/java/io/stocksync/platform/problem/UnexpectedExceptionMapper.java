package io.stocksync.platform.problem;

import io.stocksync.platform.persistence.DatabaseOutage;
import io.stocksync.platform.request.RequestId;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else: a database outage is a 503 the client may retry; the rest is logged with its stack trace on the
 * server and is a 500 problem without one for the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Context
  UriInfo uri;

  @Override
  public Response toResponse(Exception e) {
    var optimistic = findCause(e, jakarta.persistence.OptimisticLockException.class);
    if (optimistic != null) {
      return ProblemResponses.of(409, "Conflict", "The resource was changed by another request; read it again.",
          List.of(), Map.of(), path());
    }
    var sql = findCause(e, java.sql.SQLException.class);
    if (sql != null && "23505".equals(sql.getSQLState())) {
      return ProblemResponses.of(409, "Conflict", "It already exists (a unique value is taken).", List.of(),
          Map.of(), path());
    }
    if (DatabaseOutage.isCauseOf(e)) {
      LOG.warning(() -> "Database unavailable on " + path() + " [requestId=" + RequestId.current() + "]: " + e);
      return ProblemResponses.of(503, "Service unavailable", "The database is unavailable; retry later.", List.of(),
          Map.of("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS), path());
    }
    LOG.log(Level.SEVERE, "Unexpected failure on " + path() + " [requestId=" + RequestId.current() + "]", e);
    return ProblemResponses.of(500, "Internal server error",
        "The server could not complete the request. Quote the request id when reporting it.", List.of(), Map.of(),
        path());
  }

  private String path() {
    return ProblemResponses.instance(uri);
  }

  private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
