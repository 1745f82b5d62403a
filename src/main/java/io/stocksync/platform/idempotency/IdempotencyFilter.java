package io.stocksync.platform.idempotency;

import io.stocksync.platform.problem.Problem;
import io.stocksync.platform.problem.ProblemException;
import io.stocksync.platform.security.Caller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Set;

/**
 * Honours Idempotency-Key on mutating requests. The first request with a key claims it and runs; its response is
 * stored. A repeat with the same body gets the stored response (with Idempotency-Replayed: true); a repeat with
 * another body gets 422; a repeat while the first still runs gets 409. Keys are scoped to the caller's tenant
 * (or, for platform calls, to the caller).
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 20)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

  public static final String HEADER = "Idempotency-Key";
  private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final String CLAIM = "stocksync.idempotency";
  private static final String STATUS = "stocksync.idempotency.status";
  private static final int MAX_KEY_LENGTH = 255;

  @Inject
  IdempotencyStore store;

  @Inject
  Caller caller;

  record Claim(String scope, String key) {}

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String key = request.getHeaderString(HEADER);
    if (key == null || !MUTATING.contains(request.getMethod())) {
      return;
    }
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw ProblemException.badRequest(HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters");
    }
    byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
    request.setEntityStream(new ByteArrayInputStream(body));
    String scope = caller.tenant().map(Object::toString).orElse("caller:" + caller.name());
    String hash = hash(request.getMethod(), request.getUriInfo().getRequestUri().getRawPath(), body);
    try {
      if (store.claim(scope, key, hash)) {
        request.setProperty(CLAIM, new Claim(scope, key));
        return;
      }
      var seen = store.find(scope, key).orElse(null);
      if (seen == null) {
        throw ProblemException.conflict("the request with this " + HEADER + " is being retried; try again");
      }
      if (!seen.requestHash().equals(hash)) {
        throw ProblemException.unprocessable(HEADER + " " + key + " was used for a different request");
      }
      if (seen.status() == null) {
        throw ProblemException.conflict("the request with this " + HEADER + " is still being processed");
      }
      request.abortWith(replay(seen));
    } catch (SQLException e) {
      throw new IllegalStateException("idempotency store unavailable", e);
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
      return;
    }
    try {
      if (response.getStatus() >= 500) {
        store.release(claim.scope(), claim.key());
      } else if (!response.hasEntity()) {
        store.complete(claim.scope(), claim.key(), response.getStatus(), new byte[0]);
      } else {
        // The body is stored by aroundWriteTo once it is serialised.
        request.setProperty(STATUS, response.getStatus());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("idempotency store unavailable", e);
    }
  }

  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    if (!(context.getProperty(CLAIM) instanceof Claim claim) || !(context.getProperty(STATUS) instanceof Integer status)) {
      context.proceed();
      return;
    }
    OutputStream original = context.getOutputStream();
    var copy = new ByteArrayOutputStream();
    context.setOutputStream(new TeeOutputStream(original, copy));
    context.proceed();
    try {
      store.complete(claim.scope(), claim.key(), status, copy.toByteArray());
    } catch (SQLException e) {
      throw new IllegalStateException("idempotency store unavailable", e);
    }
  }

  private static Response replay(IdempotencyStore.Seen seen) {
    var builder = Response.status(seen.status()).header("Idempotency-Replayed", "true");
    if (seen.body() != null && seen.body().length > 0) {
      String type = seen.status() >= 400 ? Problem.MEDIA_TYPE : MediaType.APPLICATION_JSON;
      builder.entity(seen.body()).type(type);
    }
    return builder.build();
  }

  private static String hash(String method, String path, byte[] body) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes to the client and keeps a copy for the store. */
  private static final class TeeOutputStream extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    TeeOutputStream(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      first.flush();
    }
  }
}
