package dev.yubin.ejb.interfaces.jca;

import dev.yubin.ejb.accounts.application.AccountService;
import dev.yubin.ejb.interfaces.StartupGate;
import dev.yubin.ejb.mailbox.application.AppendResult;
import dev.yubin.ejb.mailbox.application.CopyResult;
import dev.yubin.ejb.mailbox.application.FlagUpdate;
import dev.yubin.ejb.mailbox.application.MailboxCounts;
import dev.yubin.ejb.mailbox.application.MailboxDelta;
import dev.yubin.ejb.mailbox.application.MailboxFolders;
import dev.yubin.ejb.mailbox.application.MailboxInfo;
import dev.yubin.ejb.mailbox.application.MailboxReader;
import dev.yubin.ejb.mailbox.application.MailboxResult;
import dev.yubin.ejb.mailbox.application.MailboxSnapshot;
import dev.yubin.ejb.mailbox.application.MessageAppender;
import dev.yubin.ejb.mailbox.application.MessageSearch;
import dev.yubin.ejb.mailbox.application.MessageState;
import dev.yubin.ejb.mailbox.application.MessageSummary;
import dev.yubin.ejb.mailbox.application.MessageUpdates;
import dev.yubin.ejb.mailbox.domain.FlagChange;
import dev.yubin.ejb.mailbox.domain.SpecialUse;
import dev.yubin.protocol.imap.backend.AppendOutcome;
import dev.yubin.protocol.imap.backend.CopyOutcome;
import dev.yubin.protocol.imap.backend.ImapBackend;
import dev.yubin.protocol.imap.backend.MailboxChanges;
import dev.yubin.protocol.imap.backend.MailboxEntry;
import dev.yubin.protocol.imap.backend.MailboxOutcome;
import dev.yubin.protocol.imap.backend.MailboxStatus;
import dev.yubin.protocol.imap.backend.MessageData;
import dev.yubin.protocol.imap.backend.MessageFlags;
import dev.yubin.protocol.imap.backend.Quota;
import dev.yubin.protocol.imap.backend.SearchKey;
import dev.yubin.protocol.imap.backend.SelectedState;
import dev.yubin.protocol.imap.backend.SortKey;
import dev.yubin.protocol.imap.backend.StoreMode;
import dev.yubin.protocol.imap.backend.StoreOutcome;
import dev.yubin.protocol.imap.backend.ThreadAlgorithm;
import dev.yubin.protocol.imap.backend.ThreadNode;
import dev.yubin.protocol.imap.wire.LiteralSink;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Serves the IMAP listener: translates the engine's calls into the mailbox store's services and
 * their answers back into the engine's types (the store never sees protocol types).
 */
@MessageDriven(
    messageListenerInterface = ImapBackend.class,
    activationConfig =
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "yubin-rar"))
@Interceptors(StartupGate.class)
public class ImapBackendBean implements ImapBackend {

  @Inject MailboxFolders folders;
  @Inject MailboxReader reader;
  @Inject MessageUpdates updates;
  @Inject MessageAppender appender;
  @Inject AccountLogins logins;
  @Inject AccountService accounts;
  @Inject MessageSearch search;
  @Inject ImapStructures structures;
  @Inject ImapSpool spool;

  @Override
  public dev.yubin.protocol.sasl.AuthResult authenticate(
      String clientAddress, String authorizationId, String user, String password) {
    return logins.authenticate(authorizationId, user, password);
  }

  @Override
  public dev.yubin.protocol.sasl.ScramCredentials scramCredentials(
      String clientAddress, String user) {
    return logins.scramCredentials(user);
  }

  @Override
  public List<MailboxEntry> mailboxes(String principal) {
    List<MailboxEntry> entries = new ArrayList<>();
    for (MailboxInfo info : folders.list(principal)) {
      Set<String> use =
          info.specialUse() == null ? Set.of() : Set.of(info.specialUse().attribute());
      entries.add(new MailboxEntry(info.name(), use, info.subscribed()));
    }
    return entries;
  }

  @Override
  public Set<String> subscriptions(String principal) {
    return folders.subscriptions(principal);
  }

  @Override
  public MailboxOutcome create(String principal, String name, Set<String> specialUse) {
    SpecialUse use = null;
    if (specialUse.size() > 1) {
      return MailboxOutcome.BAD_SPECIAL_USE;
    }
    for (String attribute : specialUse) {
      use = SpecialUse.ofAttribute(attribute).orElse(null);
      if (use == null) {
        return MailboxOutcome.BAD_SPECIAL_USE;
      }
    }
    return outcome(folders.create(principal, name, use));
  }

  @Override
  public MailboxOutcome delete(String principal, String name) {
    return outcome(folders.delete(principal, name));
  }

  @Override
  public MailboxOutcome rename(String principal, String from, String to) {
    return outcome(folders.rename(principal, from, to));
  }

  @Override
  public MailboxOutcome subscribe(String principal, String name, boolean subscribe) {
    return outcome(folders.subscribe(principal, name, subscribe));
  }

  private static MailboxOutcome outcome(MailboxResult result) {
    return switch (result) {
      case OK -> MailboxOutcome.OK;
      case NONEXISTENT -> MailboxOutcome.NONEXISTENT;
      case ALREADY_EXISTS -> MailboxOutcome.ALREADY_EXISTS;
      case INVALID_NAME -> MailboxOutcome.INVALID_NAME;
      case NOT_ALLOWED -> MailboxOutcome.NOT_ALLOWED;
      case BAD_SPECIAL_USE -> MailboxOutcome.BAD_SPECIAL_USE;
    };
  }

  @Override
  public MailboxStatus status(String principal, String name) {
    MailboxCounts counts = folders.status(principal, name);
    return counts == null
        ? null
        : new MailboxStatus(
            counts.messages(),
            counts.recent(),
            counts.uidNext(),
            counts.uidValidity(),
            counts.unseen(),
            counts.highestModseq(),
            counts.deleted(),
            counts.size());
  }

  @Override
  public SelectedState select(String principal, String name, boolean readWrite) {
    MailboxSnapshot snapshot = reader.open(principal, name, readWrite);
    return snapshot == null
        ? null
        : new SelectedState(
            snapshot.id(),
            snapshot.name(),
            snapshot.uidValidity(),
            snapshot.uidNext(),
            snapshot.highestModseq(),
            snapshot.uids(),
            snapshot.recentUids(),
            snapshot.firstUnseenUid(),
            List.copyOf(snapshot.keywords()),
            snapshot.readOnly());
  }

  @Override
  public MailboxChanges changes(
      String principal, long mailboxId, long sinceModseq, boolean claimRecent) {
    MailboxDelta delta = reader.changes(principal, mailboxId, sinceModseq, claimRecent);
    return delta == null
        ? null
        : new MailboxChanges(
            flags(delta.changed()),
            delta.expunged(),
            delta.recentUids(),
            List.copyOf(delta.keywords()),
            delta.highestModseq(),
            delta.uidNext());
  }

  private static List<MessageFlags> flags(List<MessageState> states) {
    List<MessageFlags> flags = new ArrayList<>(states.size());
    for (MessageState state : states) {
      flags.add(new MessageFlags(state.uid(), ImapFlags.toImap(state.flags()), state.modseq()));
    }
    return flags;
  }

  @Override
  public AutoCloseable watch(String principal, long mailboxId, Runnable listener) {
    return reader.watch(principal, mailboxId, listener);
  }

  @Override
  public List<MessageData> fetch(String principal, long mailboxId, long[] uids, boolean structure) {
    List<MessageData> data = new ArrayList<>();
    for (MessageSummary summary : reader.fetch(principal, mailboxId, uids, structure)) {
      data.add(
          new MessageData(
              summary.uid(),
              ImapFlags.toImap(summary.flags()),
              summary.modseq(),
              summary.internalDate(),
              summary.size(),
              summary.structure() == null ? null : structures.toImap(summary.structure())));
    }
    return data;
  }

  @Override
  public InputStream content(String principal, long mailboxId, long uid, long offset, long length) {
    return reader.content(principal, mailboxId, uid, offset, length);
  }

  @Override
  public StoreOutcome store(
      String principal,
      long mailboxId,
      long[] uids,
      StoreMode mode,
      Set<String> flags,
      long unchangedSince) {
    FlagChange.Mode storeMode =
        switch (mode) {
          case REPLACE -> FlagChange.Mode.REPLACE;
          case ADD -> FlagChange.Mode.ADD;
          case REMOVE -> FlagChange.Mode.REMOVE;
        };
    FlagUpdate update =
        updates.store(
            principal,
            mailboxId,
            uids,
            new FlagChange(storeMode, ImapFlags.toStore(flags)),
            unchangedSince);
    if (update == null) {
      return new StoreOutcome(List.of(), new long[0], 0);
    }
    return new StoreOutcome(flags(update.updated()), update.modified(), update.highestModseq());
  }

  @Override
  public long[] expunge(String principal, long mailboxId, long[] uids) {
    return updates.expunge(principal, mailboxId, uids);
  }

  @Override
  public CopyOutcome copy(
      String principal, long mailboxId, long[] uids, String target, boolean move) {
    CopyResult result = updates.copy(principal, mailboxId, uids, target, move);
    return switch (result.status()) {
      case OK ->
          new CopyOutcome(
              CopyOutcome.Status.OK,
              result.uidValidity(),
              result.sourceUids(),
              result.targetUids());
      case NO_TARGET -> CopyOutcome.failed(CopyOutcome.Status.NO_TARGET);
      case OVER_QUOTA -> CopyOutcome.failed(CopyOutcome.Status.OVER_QUOTA);
    };
  }

  @Override
  public LiteralSink newMessage(String principal) {
    return spool.newSink();
  }

  @Override
  public AppendOutcome append(
      String principal,
      String mailbox,
      Set<String> flags,
      OffsetDateTime internalDate,
      LiteralSink content) {
    try {
      AppendResult result =
          appender.append(
              principal, mailbox, ImapFlags.toStore(flags), internalDate, spool.finish(content));
      return switch (result.status()) {
        case OK -> new AppendOutcome(AppendOutcome.Status.OK, result.uidValidity(), result.uid());
        case NO_MAILBOX -> AppendOutcome.failed(AppendOutcome.Status.NO_MAILBOX);
        case OVER_QUOTA -> AppendOutcome.failed(AppendOutcome.Status.OVER_QUOTA);
        case INVALID -> AppendOutcome.failed(AppendOutcome.Status.INVALID);
      };
    } finally {
      content.discard();
    }
  }

  @Override
  public long[] search(String principal, long mailboxId, SearchKey criteria) {
    return search.search(principal, mailboxId, ImapSearchCriteria.toStore(criteria));
  }

  @Override
  public long[] sort(String principal, long mailboxId, List<SortKey> order, SearchKey criteria) {
    return search.sort(
        principal,
        mailboxId,
        ImapSearchCriteria.toStore(order),
        ImapSearchCriteria.toStore(criteria));
  }

  @Override
  public List<ThreadNode> thread(
      String principal, long mailboxId, ThreadAlgorithm algorithm, SearchKey criteria) {
    return ImapThreads.of(
        search.matching(principal, mailboxId, ImapSearchCriteria.toStore(criteria)), algorithm);
  }

  @Override
  public Quota quota(String principal) {
    MailboxReader.Usage usage = reader.usage(principal);
    return usage.limit() == null ? null : new Quota(usage.bytes(), usage.limit(), usage.messages());
  }
}
