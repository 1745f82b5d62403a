package io.stocksync.platform.diagnostics;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Receives probes (activation spec stocksync/DiagnosticProbeListener in server.xml). Container-managed
 * transaction: the receive and the database write commit together, and any exception makes the broker
 * redeliver, then dead-letter. Never catch-and-drop here.
 */
@MessageDriven
public class DiagnosticProbeListener implements MessageListener {

  @Inject
  ProbeRecorder recorder;

  @Override
  public void onMessage(Message message) {
    try {
      var probe = ProbeMessage.fromJson(message.getBody(String.class));
      recorder.record(probe, message.getIntProperty("JMSXDeliveryCount"));
    } catch (JMSException e) {
      throw new IllegalStateException("unreadable probe message", e);
    }
  }
}
