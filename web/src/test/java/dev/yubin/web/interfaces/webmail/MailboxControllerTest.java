package dev.yubin.web.interfaces.webmail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.mailbox.application.IndexedMessage;
import dev.yubin.ejb.mailbox.application.MailboxInfo;
import dev.yubin.ejb.mailbox.application.MessageCriteria;
import dev.yubin.ejb.mailbox.application.MessageSearch;
import dev.yubin.ejb.mailbox.application.SortCriterion;
import dev.yubin.ejb.mailbox.domain.Flags;
import dev.yubin.ejb.mailbox.domain.SpecialUse;
import dev.yubin.ejb.mailbox.domain.SystemFlag;
import jakarta.mvc.Models;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The message list page's model, with the store's services replaced by fakes. */
class MailboxControllerTest {

  private final List<List<SortCriterion>> orders = new ArrayList<>();
  private final List<MessageCriteria> searches = new ArrayList<>();

  @Test
  void aBareListPageIsTheNewestFirstWithoutNotice() {
    MailboxController controller = controller(120);

    String view = controller.list(1, 0, null, null, null, null, null, null, null, null, null);

    assertThat(view).isEqualTo("folder.xhtml");
    Map<String, Object> model = controller.models.asMap();
    assertThat(orders).containsExactly(List.of(new SortCriterion(SortCriterion.Field.DATE, true)));
    assertThat(searches).containsExactly(MessageCriteria.ALL);
    assertThat(model.get("notice")).isNull();
    assertThat(model.get("page")).isEqualTo(1);
    assertThat(model.get("pages")).isEqualTo(3);
    assertThat((List<?>) model.get("messages")).hasSize(MailboxController.PAGE_SIZE);
    @SuppressWarnings("unchecked")
    Map<String, String> links = (Map<String, String>) model.get("sortLinks");
    assertThat(links.get("date")).isEqualTo("sort=date&order=asc");
    assertThat(links.get("subject")).isEqualTo("sort=subject&order=asc");
    assertThat(links.get("size")).isEqualTo("sort=size&order=desc");
  }

  @Test
  void theLastPageSortedBySenderWithASearchAndAKnownNotice() {
    MailboxController controller = controller(120);

    controller.list(1, 9, "from", "asc", "taro", null, null, null, null, null, "messages.moved");

    Map<String, Object> model = controller.models.asMap();
    assertThat(orders)
        .containsExactly(List.of(new SortCriterion(SortCriterion.Field.DISPLAY_FROM, false)));
    assertThat(searches)
        .containsExactly(
            new MessageCriteria.And(List.of(new MessageCriteria.Header("from", "taro"))));
    assertThat(model.get("page")).isEqualTo(3);
    assertThat((List<?>) model.get("messages")).hasSize(20);
    assertThat(model.get("notice")).isEqualTo("messages.moved");
    controller.list(1, 1, "nonsense", null, null, null, null, null, null, null, "<script>");
    assertThat(controller.models.asMap().get("notice")).isNull();
    assertThat(orders.get(1).get(0).field()).isEqualTo(SortCriterion.Field.DATE);
  }

  private MailboxController controller(int messages) {
    MailboxController controller = new MailboxController();
    controller.models = new MapModels();
    controller.account =
        new AccountFolders() {
          @Override
          public String account() {
            return "hanako@example.jp";
          }

          @Override
          public List<FolderEntry> tree() {
            return List.of(
                FolderEntry.of(new MailboxInfo(1, "INBOX", null, true), 3),
                FolderEntry.of(new MailboxInfo(2, "Trash", SpecialUse.TRASH, true), 0));
          }
        };
    controller.search =
        new MessageSearch() {
          @Override
          public List<IndexedMessage> sorted(
              String owner, long mailboxId, List<SortCriterion> order, MessageCriteria criteria) {
            orders.add(order);
            searches.add(criteria);
            List<IndexedMessage> found = new ArrayList<>();
            for (int uid = 1; uid <= messages; uid++) {
              found.add(message(uid));
            }
            return found;
          }
        };
    return controller;
  }

  private static IndexedMessage message(long uid) {
    OffsetDateTime date = OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(9));
    return new IndexedMessage(
        uid,
        uid,
        "blobs/" + uid,
        1,
        date,
        1000 + uid,
        Flags.of(Set.of(SystemFlag.SEEN), Set.of()),
        new IndexedMessage.Fields(
            "件名 " + uid,
            "Taro <taro@example.jp>",
            null,
            null,
            null,
            "件名 " + uid,
            "taro@example.jp",
            null,
            null,
            "Taro",
            null,
            date,
            null,
            null,
            null));
  }

  /** Models as a plain map. */
  private static final class MapModels implements Models {
    private final Map<String, Object> map = new HashMap<>();

    @Override
    public Models put(String name, Object model) {
      map.put(name, model);
      return this;
    }

    @Override
    public Object get(String name) {
      return map.get(name);
    }

    @Override
    public <T> T get(String name, Class<T> type) {
      return type.cast(map.get(name));
    }

    @Override
    public Map<String, Object> asMap() {
      return map;
    }

    @Override
    public Iterator<String> iterator() {
      return map.keySet().iterator();
    }
  }
}
