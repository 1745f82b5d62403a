package io.stocksync.alert;

/** What an alert is about; each has its own key, so that one open alert exists per product or channel. */
public enum AlertType {
  LOW_STOCK, SYNC_FAILURE, CHANNEL_DOWN, DRIFT
}
