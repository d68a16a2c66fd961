package dev.yubin.web.interfaces.webmail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.mailbox.application.MailboxInfo;
import dev.yubin.ejb.mailbox.application.MessageCriteria;
import dev.yubin.ejb.mailbox.domain.SpecialUse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The small rules of the webmail pages. */
class WebmailPiecesTest {

  @Test
  void inboxAndSpecialUseFoldersComeFirstAndChildrenFollowTheirParent() {
    List<FolderEntry> ordered =
        FolderEntry.ordered(
            List.of(
                folder(7, "Zeta", null),
                folder(6, "Projects-old", null),
                folder(5, "Projects/2026", null),
                folder(4, "Projects", null),
                folder(3, "Trash", SpecialUse.TRASH),
                folder(2, "Sent", SpecialUse.SENT),
                folder(1, "INBOX", null)));

    assertThat(ordered)
        .extracting(FolderEntry::name)
        .containsExactly(
            "INBOX", "Sent", "Trash", "Projects", "Projects/2026", "Projects-old", "Zeta");
    assertThat(ordered.get(4).label()).isEqualTo("2026");
    assertThat(ordered.get(4).depth()).isEqualTo(1);
    assertThat(ordered.get(0).use()).isEqualTo("inbox");
  }

  private static FolderEntry folder(long id, String name, SpecialUse use) {
    return FolderEntry.of(new MailboxInfo(id, name, use, true), 0);
  }

  @Test
  void folderNamesTypedInTheBrowser() {
    assertThat(FolderNames.isValid("Projects/2026")).isTrue();
    assertThat(FolderNames.isValid("取引先/株式会社①")).isTrue();
    for (String bad :
        new String[] {null, "", "  ", "/a", "a/", "a//b", "50%", "a*", "inbox", "a\u0000b"}) {
      assertThat(FolderNames.isValid(bad)).as(String.valueOf(bad)).isFalse();
    }
  }

  @Test
  void downloadsNameTheFileTwiceAndNeverBreakTheHeader() {
    assertThat(MessageController.attachment("報告書①.pdf"))
        .isEqualTo(
            "attachment; filename=\"____.pdf\"; filename*=UTF-8''%E5%A0%B1%E5%91%8A%E6%9B%B8%E2%91%A0.pdf");
    assertThat(MessageController.attachment("a \"b\"\r\nX-Evil: 1.txt"))
        .isEqualTo(
            "attachment; filename=\"a _b___X-Evil: 1.txt\"; filename*=UTF-8''a%20%22b%22%0D%0AX-Evil%3A%201.txt");
  }

  @Test
  void searchFieldsBecomeStoreCriteria() {
    MailboxController.SearchForm form =
        new MailboxController.SearchForm("山田", "", " 請求書 ", null, "2024-01-01", "not a date");

    assertThat(form.criteria())
        .isEqualTo(
            new MessageCriteria.And(
                List.of(
                    new MessageCriteria.Header("from", "山田"),
                    new MessageCriteria.Header("subject", "請求書"),
                    new MessageCriteria.Sent(
                        LocalDate.of(2024, 1, 1), MessageCriteria.DateComparison.SINCE))));
    assertThat(new MailboxController.SearchForm(null, null, null, null, null, null).isEmpty())
        .isTrue();
    assertThat(form.query("date", false))
        .isEqualTo(
            "sort=date&order=desc&from=%E5%B1%B1%E7%94%B0&subject=+%E8%AB%8B%E6%B1%82%E6%9B%B8+&since=2024-01-01&before=not+a+date");
  }

  @Test
  void bothLanguagesHaveEveryText() {
    ResourceBundle english = Texts.bundle(Locale.ENGLISH);
    ResourceBundle japanese = Texts.bundle(Locale.JAPANESE);
    assertThat(japanese.keySet()).isEqualTo(english.keySet());
    assertThat(japanese.getString("login.submit")).isEqualTo("ログイン");
    assertThat(english.getString("login.submit")).isEqualTo("Sign in");
  }

  @Test
  void sizesForPeople() {
    assertThat(Sizes.human(512)).isEqualTo("512 B");
    assertThat(Sizes.human(1536)).isEqualTo("1.5 KB");
    assertThat(Sizes.human(12L << 20)).isEqualTo("12 MB");
  }
}
