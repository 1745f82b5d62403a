package io.stocksync.platform.security;

import io.stocksync.platform.problem.Problem;
import io.stocksync.platform.problem.ServletProblems;
import io.stocksync.platform.request.RequestId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives Liberty's MP-JWT refusals (missing, malformed, expired or wrongly signed bearer token) the API's problem
 * shape. Liberty answers them with a bare 401 and its WWW-Authenticate challenge, from inside the filter chain
 * (the API's URLs carry no web.xml constraint; the role check runs in JAX-RS), and leaves the response
 * uncommitted: so the body is added here, after the chain, keeping the challenge. A 401 that the application
 * wrote itself (a webhook's bad signature) already has the problem type and is left alone. A web.xml error-page
 * for 401 is never dispatched: Liberty sets the status, it does not call sendError.
 */
@WebFilter(urlPatterns = "/api/v1/*")
public class UnauthorizedProblemFilter extends HttpFilter {

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(request, response);
    if (response.getStatus() != HttpServletResponse.SC_UNAUTHORIZED || response.isCommitted()
        || isProblem(response.getContentType())) {
      return;
    }
    String requestId = response.getHeader(RequestId.HEADER);
    if (requestId == null) {
      requestId = RequestId.acceptOrCreate(request.getHeader(RequestId.HEADER));
      response.setHeader(RequestId.HEADER, requestId);
    }
    response.resetBuffer();
    ServletProblems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail(request),
        request.getRequestURI(), requestId);
  }

  private static boolean isProblem(String contentType) {
    return contentType != null && contentType.startsWith(Problem.MEDIA_TYPE);
  }

  private static String detail(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return "This call needs a bearer token (Authorization: Bearer <JWT>).";
    }
    return "The bearer token was not accepted: it is malformed, expired, or not signed by a trusted issuer.";
  }
}
