package io.stocksync.channel.push;

/** 401/403 (or a vendor's equivalent in a 200 answer): retrying with the same credentials cannot help. */
public class CredentialsRejectedException extends ChannelCallException {

  public CredentialsRejectedException(String message, Integer httpStatus) {
    super(message, httpStatus, null, null);
  }

  @Override
  public boolean isCredentialsRejected() {
    return true;
  }
}
