package dev.yubin.web.interfaces.webmail;

import dev.yubin.ejb.mailbox.application.MailboxCounts;
import dev.yubin.ejb.mailbox.application.MailboxFolders;
import dev.yubin.ejb.mailbox.application.MailboxInfo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.List;

/**
 * The signed-in account and its folders for one request: the tree with unread counts, read once. A
 * folder id that is not the account's is not found (404), never another's.
 */
@RequestScoped
public class AccountFolders {

  @Inject HttpServletRequest request;
  @Inject MailboxFolders folders;

  private List<FolderEntry> tree;

  /** The signed-in account (the filter lets no request without one reach a controller). */
  public String account() {
    String account = SignedIn.account(request);
    if (account == null) {
      throw new NotFoundException();
    }
    return account;
  }

  /** The account's folders in tree order, with unread counts. */
  public List<FolderEntry> tree() {
    if (tree == null) {
      String account = account();
      List<FolderEntry> entries = new ArrayList<>();
      for (MailboxInfo info : folders.list(account)) {
        MailboxCounts counts = folders.status(account, info.name());
        entries.add(FolderEntry.of(info, counts == null ? 0 : counts.unseen()));
      }
      tree = FolderEntry.ordered(entries);
    }
    return tree;
  }

  /** Forgets the tree read so far (after a change to unread counts). */
  public void changed() {
    tree = null;
  }

  /** The account's folder with this id; 404 when there is none. */
  public FolderEntry get(long id) {
    for (FolderEntry folder : tree()) {
      if (folder.id() == id) {
        return folder;
      }
    }
    throw new NotFoundException();
  }

  /** The account's folder of a special use ("inbox", "trash" ...). */
  public FolderEntry special(String use) {
    for (FolderEntry folder : tree()) {
      if (folder.use().equals(use)) {
        return folder;
      }
    }
    throw new NotFoundException();
  }
}
