package dev.yubin.ejb.reports.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.ejb.kernel.Envelope;
import dev.yubin.ejb.kernel.Origin;
import dev.yubin.ejb.kernel.Outcome;
import dev.yubin.ejb.platform.config.YubinSettings;
import dev.yubin.ejb.relay.domain.QueueEntry;
import dev.yubin.ejb.relay.domain.QueuedRecipient;
import dev.yubin.ejb.relay.domain.RecipientState;
import dev.yubin.ejb.submission.application.SpooledMessage;
import dev.yubin.ejb.submission.application.Submission;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryNotificationsTest {

  @TempDir Path dir;

  private final List<Envelope> submitted = new ArrayList<>();
  private final List<Origin> origins = new ArrayList<>();
  private final List<String> contents = new ArrayList<>();
  private Outcome answer = Outcome.accepted("2.0.0", "Ok");

  private DeliveryNotifications notifications() {
    DeliveryNotifications notifications = new DeliveryNotifications();
    notifications.settings =
        new YubinSettings() {
          @Override
          public String hostname() {
            return "mx.example.test";
          }
        };
    notifications.spool = () -> new FileMessage(dir.resolve("report-" + contents.size()));
    notifications.submission =
        new Submission() {
          @Override
          public Outcome submit(Origin origin, Envelope envelope, SpooledMessage spool) {
            origins.add(origin);
            submitted.add(envelope);
            try {
              contents.add(Files.readString(spool.finish(), StandardCharsets.UTF_8));
            } catch (IOException e) {
              throw new AssertionError(e);
            } finally {
              spool.discard();
            }
            return answer;
          }
        };
    return notifications;
  }

  private Path original() throws IOException {
    return Files.writeString(
        dir.resolve("original"), "From: a@example.test\r\nSubject: hi\r\n\r\nbody\r\n");
  }

  private static QueueEntry arrival(String sender, String refused) {
    Instant now = Instant.now();
    return new QueueEntry(
        "Q1",
        sender,
        now,
        null,
        null,
        false,
        false,
        List.of(QueuedRecipient.pending(refused, Set.of(), null, now)),
        false);
  }

  private static List<QueuedRecipient> refusedOnArrival(QueueEntry entry) {
    return entry.recipients().stream()
        .map(
            r ->
                r.attempted(
                    RecipientState.FAILED,
                    Instant.now(),
                    "5.1.1",
                    "5.1.1 <gone@example.test>: Recipient address rejected: User unknown",
                    null))
        .toList();
  }

  @Test
  void aReportIsSubmittedFromTheNullSenderLikeAnyOtherMessage() throws IOException {
    QueueEntry entry = arrival("a@example.test", "gone@example.test");

    notifications().refusedOnArrival(entry, refusedOnArrival(entry), original());

    assertThat(submitted).containsExactly(Envelope.of("", List.of("a@example.test")));
    assertThat(origins).extracting(Origin::kind).containsExactly(Origin.Kind.REPORT);
    assertThat(contents.get(0))
        .contains("multipart/report; report-type=delivery-status")
        .contains("Final-Recipient: rfc822; gone@example.test")
        .contains("Status: 5.1.1");
  }

  @Test
  void aReportRefusedForGoodIsDroppedAndTheMessageStillAccepted() throws IOException {
    QueueEntry entry = arrival("full@example.test", "gone@example.test");
    answer = Outcome.permanentFailure("5.2.2", "<full@example.test>: Mailbox full");

    notifications().refusedOnArrival(entry, refusedOnArrival(entry), original());

    assertThat(submitted).hasSize(1);
  }

  @Test
  void aReportThatCannotBeTakenNowFailsTheCallerSoItIsTriedAgain() throws IOException {
    QueueEntry entry = arrival("a@example.test", "gone@example.test");
    answer = Outcome.temporaryFailure("4.3.0", "try again later");
    Path original = original();

    assertThatThrownBy(
            () -> notifications().refusedOnArrival(entry, refusedOnArrival(entry), original))
        .isInstanceOf(IOException.class);
  }

  @Test
  void noReportForAMessageFromTheNullSender() throws IOException {
    QueueEntry entry = arrival("", "gone@example.test");

    notifications().refusedOnArrival(entry, refusedOnArrival(entry), original());

    assertThat(submitted).isEmpty();
  }

  /** A spooled message in a plain file. */
  private static final class FileMessage implements SpooledMessage {
    private final Path path;

    FileMessage(Path path) {
      this.path = path;
    }

    @Override
    public String queueId() {
      return path.getFileName().toString();
    }

    @Override
    public OutputStream newOutputStream() throws IOException {
      return Files.newOutputStream(path);
    }

    @Override
    public Path finish() {
      return path;
    }

    @Override
    public void discard() {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
  }
}
