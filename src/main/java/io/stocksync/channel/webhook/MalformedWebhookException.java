package io.stocksync.channel.webhook;

/** A delivery whose body or headers are not what the vendor sends; its message says what is wrong. */
public class MalformedWebhookException extends RuntimeException {

  public MalformedWebhookException(String message) {
    super(message);
  }

  public MalformedWebhookException(String message, Throwable cause) {
    super(message, cause);
  }
}
