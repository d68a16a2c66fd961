package dev.yubin.ejb.relay.application;

/**
 * What the relay does with an announced queue entry: the relay code implements it as a CDI bean
 * (exactly one), and {@code dev.yubin.ejb.interfaces.jms.RelayQueueListener} calls it for every
 * message on the relay queue.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li><b>Idempotent.</b> The same id may come twice (a redelivery after a crash, an announcement
 *       and a scan racing), or for an entry already delivered, deleted or not yet due: look the
 *       entry up, and return quietly when there is nothing to do now.
 *   <li><b>Return normally</b> when the entry was handled, including "attempted, deferred": the
 *       message is then acknowledged and gone. Schedule the next attempt yourself ({@link
 *       RelayQueue#announce(String, java.time.Duration)}, or leave it to the scan).
 *   <li><b>Throw</b> only for a transient failure of our own (database, file system): the broker
 *       redelivers the message five times, then moves it to its dead-letter queue. ActiveMQ (Payara
 *       Micro) waits 1, 2, 4, 8 and 16 s and uses {@value RelayQueue#DEAD_LETTER_QUEUE}; OpenMQ
 *       (Payara Server) waits 2 s each time and uses {@value RelayQueue#OPENMQ_DEAD_MESSAGE_QUEUE}.
 *       The entry is still in the queue files, so the scan finds it.
 *   <li>No JTA transaction is active when it is called (it is called through a {@code
 *       NOT_SUPPORTED} bean; the listener's own transaction holds only the broker's
 *       acknowledgement, so there is no XA between the broker and the database): open your own
 *       where you need one. The listener's transaction stays open while it runs; Payara's default
 *       transaction timeout is none.
 * </ul>
 */
public interface RelayWork {

  /** Attempts, or re-examines, the queue entry {@code queueId}. */
  void process(String queueId);
}
