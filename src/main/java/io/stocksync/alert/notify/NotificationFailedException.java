package io.stocksync.alert.notify;

/** One attempt to deliver a notification failed (no answer, or an answer other than 2xx); already recorded. */
public class NotificationFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotificationFailedException(String message) {
    super(message, null, false, false);
  }
}
