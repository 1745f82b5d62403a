package io.stocksync.alert.notify;

/** The notification's target is refused by the SSRF guard: no request was made, and retrying now would not help. */
public class NotificationRefusedException extends NotificationFailedException {

  private static final long serialVersionUID = 1L;

  public NotificationRefusedException(String message) {
    super(message);
  }
}
