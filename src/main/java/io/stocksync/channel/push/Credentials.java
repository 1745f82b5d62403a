package io.stocksync.channel.push;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** Splits the decrypted credentials string of a channel; a malformed one fails like a rejected one. */
public final class Credentials {

  private Credentials() {}

  /**
   * The {@code count} colon-separated parts of {@code credentials}; the last part keeps any further colons.
   * {@code format} names the expected shape for the error message (the value itself is never echoed).
   */
  public static String[] parts(String credentials, int count, String format) {
    String[] parts = credentials == null ? new String[0] : credentials.split(":", count);
    if (parts.length != count || Arrays.stream(parts).anyMatch(String::isBlank)) {
      throw new CredentialsRejectedException("channel credentials must be " + format, null);
    }
    return parts;
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public static String bearer(String token) {
    if (token == null || token.isBlank()) {
      throw new CredentialsRejectedException("channel credentials must be an access token", null);
    }
    return "Bearer " + token.trim();
  }
}
