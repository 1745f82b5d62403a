package io.stocksync.catalog;

public enum MovementReason {
  ORDER, CANCEL, REFUND, CHANNEL_SET, MANUAL, GUARDIAN_REPAIR, IMPORT
}
