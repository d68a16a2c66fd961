package dev.yubin.web.interfaces.webmail;

import dev.yubin.ejb.mailbox.application.IndexedMessage;
import dev.yubin.ejb.mailbox.application.MailboxFolders;
import dev.yubin.ejb.mailbox.application.MailboxResult;
import dev.yubin.ejb.mailbox.application.MessageCriteria;
import dev.yubin.ejb.mailbox.application.MessageSearch;
import dev.yubin.ejb.mailbox.application.MessageUpdates;
import dev.yubin.ejb.mailbox.application.SortCriterion;
import dev.yubin.ejb.mailbox.domain.FlagChange;
import dev.yubin.ejb.mailbox.domain.Flags;
import dev.yubin.ejb.mailbox.domain.SystemFlag;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The folder tree and a folder's message list: paged, sorted by date, sender, subject or size,
 * searched by sender, recipient, subject, body and date range (the store's decoded fields, as IMAP
 * SEARCH); several messages marked read or unread, flagged, moved or deleted (to Trash) at once;
 * folders created, renamed and deleted. Every change goes through the services IMAP uses, so an
 * IMAP client sees it at once.
 */
@Controller
@Path("")
@RequestScoped
public class MailboxController {

  static final int PAGE_SIZE = 50;

  private static final DateTimeFormatter LIST_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private static final Map<String, SortCriterion.Field> SORTS =
      Map.of(
          "date", SortCriterion.Field.DATE,
          "from", SortCriterion.Field.DISPLAY_FROM,
          "subject", SortCriterion.Field.SUBJECT,
          "size", SortCriterion.Field.SIZE);

  private static final Set<String> NOTICES =
      Set.of(
          "folder.created",
          "folder.renamed",
          "folder.deleted",
          "folder.exists",
          "folder.invalid",
          "folder.notAllowed",
          "messages.moved",
          "messages.deleted",
          "messages.updated",
          "messages.overQuota",
          "messages.none");

  @Inject Models models;
  @Inject AccountFolders account;
  @Inject MailboxFolders folders;
  @Inject MessageSearch search;
  @Inject MessageUpdates updates;
  @Context HttpServletRequest request;

  ZoneId zone = ZoneId.systemDefault();

  @GET
  public Response home() {
    return redirect("/box/" + account.special("inbox").id());
  }

  @GET
  @Path("box/{id}")
  public String list(
      @PathParam("id") long id,
      @QueryParam("page") int page,
      @QueryParam("sort") String sort,
      @QueryParam("order") String order,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("subject") String subject,
      @QueryParam("body") String body,
      @QueryParam("since") String since,
      @QueryParam("before") String before,
      @QueryParam("notice") String notice) {
    FolderEntry folder = account.get(id);
    String sortKey = sort != null && SORTS.containsKey(sort) ? sort : "date";
    boolean ascending = "asc".equals(order);
    SearchForm form = new SearchForm(from, to, subject, body, since, before);
    List<IndexedMessage> found =
        search.sorted(
            account.account(),
            id,
            List.of(new SortCriterion(SORTS.get(sortKey), !ascending)),
            form.criteria());
    int pages = Math.max(1, (found.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int current = Math.min(Math.max(page, 1), pages);
    List<MessageRow> rows = new ArrayList<>();
    for (IndexedMessage message :
        found.subList((current - 1) * PAGE_SIZE, Math.min(found.size(), current * PAGE_SIZE))) {
      rows.add(row(message));
    }
    models.put("folders", account.tree());
    models.put("folder", folder);
    models.put("messages", rows);
    models.put("total", found.size());
    models.put("page", current);
    models.put("pages", pages);
    models.put("sort", sortKey);
    models.put("ascending", ascending);
    models.put("search", form);
    models.put("query", form.query(sortKey, ascending));
    Map<String, String> sortLinks = new java.util.HashMap<>();
    for (String key : SORTS.keySet()) {
      // a column sorts descending first (newest, largest) for dates and sizes; a second click turns
      // it
      boolean firstAscending = key.equals("from") || key.equals("subject");
      boolean nextAscending = key.equals(sortKey) ? !ascending : firstAscending;
      sortLinks.put(key, form.query(key, nextAscending));
    }
    models.put("sortLinks", sortLinks);
    models.put("notice", notice != null && NOTICES.contains(notice) ? notice : null);
    return "folder.xhtml";
  }

  private MessageRow row(IndexedMessage message) {
    IndexedMessage.Fields fields = message.fields();
    String from = fields == null ? null : fields.displayFrom();
    if (from == null || from.isBlank()) {
      from = fields == null || fields.from() == null ? "" : fields.from();
    }
    String subject = fields == null || fields.subject() == null ? "" : fields.subject();
    return new MessageRow(
        message.uid(),
        from,
        subject,
        LIST_DATE.format(message.sent().atZone(zone)),
        Sizes.human(message.size()),
        message.flags().has(SystemFlag.SEEN),
        message.flags().has(SystemFlag.FLAGGED),
        message.flags().has(SystemFlag.ANSWERED));
  }

  /**
   * Changes the selected messages: {@code read}, {@code unread}, {@code flag}, {@code unflag},
   * {@code move} (to {@code target}, a folder id) or {@code delete} (to Trash; in Trash, for good).
   * Back to the folder, or to the message when {@code view} names one that still exists.
   */
  @POST
  @Path("box/{id}")
  public Response change(
      @PathParam("id") long id,
      @FormParam("action") String action,
      @FormParam("uid") List<Long> uids,
      @FormParam("target") Long target,
      @FormParam("view") Long view) {
    FolderEntry folder = account.get(id);
    String owner = account.account();
    long[] selected =
        uids == null ? new long[0] : uids.stream().mapToLong(Long::longValue).toArray();
    if (selected.length == 0) {
      return redirect("/box/" + id + "?notice=messages.none");
    }
    String notice = "messages.updated";
    boolean stays = true;
    switch (action == null ? "" : action) {
      case "read" -> flags(owner, id, selected, FlagChange.Mode.ADD, SystemFlag.SEEN);
      case "unread" -> flags(owner, id, selected, FlagChange.Mode.REMOVE, SystemFlag.SEEN);
      case "flag" -> flags(owner, id, selected, FlagChange.Mode.ADD, SystemFlag.FLAGGED);
      case "unflag" -> flags(owner, id, selected, FlagChange.Mode.REMOVE, SystemFlag.FLAGGED);
      case "move" -> {
        if (target == null) {
          throw new BadRequestException();
        }
        if (target != id) { // a move within the folder would only renumber the messages
          notice = move(owner, id, selected, account.get(target).name(), "messages.moved");
        }
        stays = target == id;
      }
      case "delete" -> {
        FolderEntry trash = account.special("trash");
        if (folder.id() == trash.id()) {
          updates.remove(owner, id, selected);
          notice = "messages.deleted";
        } else {
          notice = move(owner, id, selected, trash.name(), "messages.deleted");
        }
        stays = false;
      }
      default -> throw new BadRequestException();
    }
    if (view != null && stays && !action.equals("unread")) {
      return redirect("/box/" + id + "/" + view);
    }
    return redirect("/box/" + id + "?notice=" + notice);
  }

  private void flags(String owner, long id, long[] uids, FlagChange.Mode mode, SystemFlag flag) {
    updates.store(owner, id, uids, new FlagChange(mode, Flags.of(EnumSet.of(flag), Set.of())), -1);
  }

  private String move(String owner, long id, long[] uids, String target, String done) {
    return switch (updates.copy(owner, id, uids, target, true).status()) {
      case OK -> done;
      case OVER_QUOTA -> "messages.overQuota";
      case NO_TARGET -> throw new BadRequestException();
    };
  }

  /**
   * {@code create} a folder ({@code name}), {@code rename} one ({@code box} to {@code name}), or
   * {@code delete} one.
   */
  @POST
  @Path("folders")
  public Response folders(
      @FormParam("action") String action,
      @FormParam("box") Long box,
      @FormParam("name") String name) {
    String owner = account.account();
    FolderEntry folder = box == null ? null : account.get(box);
    String notice;
    switch (action == null ? "" : action) {
      case "create" -> {
        if (!FolderNames.isValid(name)) {
          notice = "folder.invalid";
        } else {
          notice = notice(folders.create(owner, name.strip(), null), "folder.created");
        }
      }
      case "rename" -> {
        if (folder == null || folder.isSpecial()) {
          notice = "folder.notAllowed";
        } else if (!FolderNames.isValid(name)) {
          notice = "folder.invalid";
        } else {
          notice = notice(folders.rename(owner, folder.name(), name.strip()), "folder.renamed");
        }
      }
      case "delete" -> {
        if (folder == null || folder.isSpecial()) {
          notice = "folder.notAllowed";
        } else {
          notice = notice(folders.delete(owner, folder.name()), "folder.deleted");
        }
        if (notice.equals("folder.deleted")) {
          return redirect("/box/" + account.special("inbox").id() + "?notice=" + notice);
        }
      }
      default -> throw new BadRequestException();
    }
    long back = folder != null ? folder.id() : account.special("inbox").id();
    return redirect("/box/" + back + "?notice=" + notice);
  }

  private static String notice(MailboxResult result, String done) {
    return switch (result) {
      case OK -> done;
      case ALREADY_EXISTS -> "folder.exists";
      case INVALID_NAME -> "folder.invalid";
      default -> "folder.notAllowed";
    };
  }

  private Response redirect(String path) {
    return Response.seeOther(URI.create(request.getContextPath() + WebmailApplication.PATH + path))
        .build();
  }

  /** The search fields of a list page, as given. */
  public record SearchForm(
      String from, String to, String subject, String body, String since, String before) {

    public boolean isEmpty() {
      return criteria() == MessageCriteria.ALL;
    }

    MessageCriteria criteria() {
      List<MessageCriteria> keys = new ArrayList<>();
      text(keys, "from", from);
      text(keys, "to", to);
      text(keys, "subject", subject);
      if (body != null && !body.isBlank()) {
        keys.add(new MessageCriteria.Body(body.strip()));
      }
      date(keys, since, MessageCriteria.DateComparison.SINCE);
      date(keys, before, MessageCriteria.DateComparison.BEFORE);
      return keys.isEmpty() ? MessageCriteria.ALL : new MessageCriteria.And(keys);
    }

    private static void text(List<MessageCriteria> keys, String field, String value) {
      if (value != null && !value.isBlank()) {
        keys.add(new MessageCriteria.Header(field, value.strip()));
      }
    }

    private static void date(
        List<MessageCriteria> keys, String value, MessageCriteria.DateComparison comparison) {
      if (value != null && !value.isBlank()) {
        try {
          keys.add(new MessageCriteria.Sent(LocalDate.parse(value.strip()), comparison));
        } catch (DateTimeParseException e) {
          // not a date: no such key
        }
      }
    }

    /** The query string that keeps this search and the given order (for paging links). */
    public String query(String sort, boolean ascending) {
      StringBuilder query =
          new StringBuilder("sort=" + sort + "&order=" + (ascending ? "asc" : "desc"));
      append(query, "from", from);
      append(query, "to", to);
      append(query, "subject", subject);
      append(query, "body", body);
      append(query, "since", since);
      append(query, "before", before);
      return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
      if (value != null && !value.isBlank()) {
        query
            .append('&')
            .append(name)
            .append('=')
            .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
      }
    }
  }
}
