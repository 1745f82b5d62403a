package io.stocksync.platform.paging;

import io.stocksync.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** An opaque cursor: the last key of the previous page, base64url-encoded. */
public final class Cursor {

  private Cursor() {}

  public static String encode(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  public static String decode(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("cursor is not one this API returned");
    }
  }
}
