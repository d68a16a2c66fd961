package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;

/**
 * Webmail in Debian's chromium (headless, screenshots under target/screenshots/) and over plain
 * HTTP for what a browser hides: sign-in, a Japanese ISO-2022-JP message with a Japanese attachment
 * name, changes that an IMAP client sees at once, XSS in bodies and headers that never runs, forged
 * and replayed forms, logged-out and foreign message addresses. One server for the class; every
 * test has its own users.
 */
class WebmailIT {

  static final String DOMAIN = "webmail.e2e.test";
  static final Charset JIS = Charset.forName("x-windows-iso2022jp");
  static YubinServer server;

  @BeforeAll
  static void start() {
    server = YubinServer.builder("webmail").freePorts().domains(DOMAIN).build();
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static String newUser(String name) {
    String address = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
    return server.addUser(address, Clients.PASSWORD);
  }

  static void deliver(String to, byte[] message) {
    List<String> sent = Clients.smtpSend(server, "taro@sender.example", message, to);
    assertThat(Clients.line(sent, "DATA")).startsWith("DATA 250 ");
  }

  static byte[] plain(String to, String subject, String body) {
    return Clients.crlf(
        "From: Taro <taro@sender.example>",
        "To: <" + to + ">",
        "Subject: " + subject,
        "Message-ID: <" + UUID.randomUUID() + "@sender.example>",
        "Date: Mon, 1 Jan 2024 10:00:00 +0900",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=UTF-8",
        "",
        body);
  }

  static String jisWord(String text) {
    return "=?ISO-2022-JP?B?" + Base64.getEncoder().encodeToString(text.getBytes(JIS)) + "?=";
  }

  static final byte[] PDF = "%PDF-1.4\n%\u00e2\u00e3 yubin test\n".getBytes(UTF_8);

  /** A Japanese mailer's message: ISO-2022-JP text with ①, a PDF named 報告書①.pdf. */
  static byte[] japanese(String to) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        Clients.crlf(
            "From: " + jisWord("山田太郎") + " <taro@sender.example>",
            "To: <" + to + ">",
            "Subject: " + jisWord("会議①の資料"),
            "Message-ID: <" + UUID.randomUUID() + "@sender.example>",
            "Date: Tue, 2 Jan 2024 09:30:00 +0900",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"b1\"",
            "",
            "--b1",
            "Content-Type: text/plain; charset=ISO-2022-JP",
            "Content-Transfer-Encoding: 7bit",
            ""));
    out.writeBytes("資料を添付します。①②③ よろしくお願いします。\r\n".getBytes(JIS));
    out.writeBytes(
        Clients.crlf(
            "--b1",
            "Content-Type: application/pdf; name=\"" + jisWord("報告書①.pdf") + "\"",
            "Content-Disposition: attachment; filename=\"" + jisWord("報告書①.pdf") + "\"",
            "Content-Transfer-Encoding: base64",
            "",
            Base64.getMimeEncoder().encodeToString(PDF),
            "--b1--"));
    return out.toByteArray();
  }

  static Browser signIn(String user, String language) {
    Browser browser = new Browser(language);
    browser.open(server.uri("/mail/").toString());
    assertThat(browser.driver().getCurrentUrl()).contains("/mail/login");
    browser.type("address", user);
    browser.type("password", Clients.PASSWORD);
    browser.click("sign-in");
    assertThat(browser.driver().getCurrentUrl()).matches(".*/mail/box/[0-9]+");
    return browser;
  }

  static List<String> imap(String user, String... actions) {
    return Clients.imap(server, false, user, Clients.PASSWORD, actions).requireSuccess().lines();
  }

  @Test
  void readsAnIso2022jpMessageWithAJapaneseAttachmentName() {
    String user = newUser("yamada");
    deliver(user, japanese(user));

    try (Browser browser = new Browser("ja")) {
      browser.open(server.uri("/mail/login").toString());
      browser.screenshot("webmail-login-ja");
      assertThat(browser.text("sign-in")).isEqualTo("ログイン");
      browser.type("address", user);
      browser.type("password", Clients.PASSWORD);
      browser.click("sign-in");
      browser.screenshot("webmail-inbox-ja");
      assertThat(browser.text("folder-title")).startsWith("受信箱");
      WebElement row = browser.driver().findElement(By.cssSelector("tr.unread"));
      assertThat(row.getText()).contains("会議①の資料", "山田太郎");

      row.findElement(By.cssSelector("td.subject a")).click();
      browser.loaded();
      browser.screenshot("webmail-message-iso2022jp");
      assertThat(browser.text("subject")).isEqualTo("会議①の資料");
      assertThat(browser.text("from")).isEqualTo("山田太郎 <taro@sender.example>");
      assertThat(browser.driver().findElement(By.cssSelector("pre.text-part")).getText())
          .contains("資料を添付します。①②③");
      WebElement attachment = browser.driver().findElement(By.cssSelector("a.attachment"));
      assertThat(attachment.getText()).isEqualTo("報告書①.pdf");
      assertThat(browser.driver().findElements(By.cssSelector("li.current .unread-count")))
          .isEmpty();
      browser.driver().findElement(By.cssSelector("#all-headers summary")).click();
      assertThat(browser.text("all-headers")).contains("Received", "Return-Path");
      String page = browser.driver().getCurrentUrl().replaceFirst("^https?://[^/]+", "");
      browser.driver().manage().window().setSize(new Dimension(390, 844));
      browser.screenshot("webmail-message-phone");
      assertThat(browser.find("subject").isDisplayed()).isTrue();

      WebmailHttp http = new WebmailHttp(server);
      http.login(user, Clients.PASSWORD);
      HttpResponse<byte[]> download =
          http.getBytes(attachment.getAttribute("href").replaceFirst("^https?://[^/]+", ""));
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(download.body()).isEqualTo(PDF);
      assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
          .startsWith("attachment;")
          .contains("filename*=UTF-8''%E5%A0%B1%E5%91%8A%E6%9B%B8%E2%91%A0.pdf");
      assertThat(download.headers().firstValue("Content-Type").orElseThrow())
          .isEqualTo("application/octet-stream");
      assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(download.headers().allValues("Content-Security-Policy"))
          .containsExactly("sandbox; default-src 'none'");
      HttpResponse<byte[]> original = http.getBytes(page + "/raw");
      assertThat(original.statusCode()).isEqualTo(200);
      assertThat(original.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("text/plain");
      assertThat(original.headers().allValues("Content-Security-Policy"))
          .containsExactly("sandbox; default-src 'none'");
      assertThat(new String(original.body(), UTF_8))
          .contains("Subject: " + jisWord("会議①の資料"), "Content-Type: application/pdf");

      browser.click("lang-en");
      assertThat(browser.text("folder-title")).startsWith("Inbox");
      assertThat(noScriptTrouble(browser)).isEmpty();
    }
    // reading it set \Seen, as an IMAP client sees
    assertThat(Clients.line(imap(user, "select:INBOX", "fetch:1:(FLAGS)", "logout"), "FETCH"))
        .contains("\\Seen");
  }

  @Test
  void moveDeleteAndFlagsAreWhatImapSeesAtOnce() {
    String user = newUser("mover");
    deliver(user, plain(user, "first", "one"));
    deliver(user, plain(user, "second", "two"));
    deliver(user, plain(user, "third", "three"));

    try (Browser browser = signIn(user, "en")) {
      String inbox = browser.driver().getCurrentUrl();
      browser.find("manage-folders").click();
      browser.type("folder-new", "Projects/2026");
      browser.click("folder-create");
      assertThat(browser.text("notice")).isEqualTo("The folder was created.");
      assertThat(Clients.line(imap(user, "list", "logout"), "LIST")).contains("Projects/2026");

      browser.open(inbox);
      check(browser, "first");
      browser.click("action-flag");
      check(browser, "second");
      browser.click("action-read");
      check(browser, "third");
      new Select(browser.find("move-target")).selectByVisibleText("Projects/2026");
      browser.click("action-move");
      browser.screenshot("webmail-after-move");
      assertThat(browser.text("notice")).isEqualTo("The messages were moved.");
      assertThat(browser.driver().findElements(By.cssSelector("tr.flagged"))).hasSize(1);

      List<String> seen =
          imap(
              user,
              "select:INBOX",
              "search:FLAGGED SUBJECT first",
              "search:SEEN SUBJECT second",
              "search:OR UNSEEN FLAGGED SUBJECT second",
              "search:SUBJECT third",
              "status:Projects/2026:(MESSAGES)",
              "logout");
      assertThat(seen.get(1).strip()).isEqualTo("SEARCH OK 1");
      assertThat(seen.get(2).strip()).isEqualTo("SEARCH OK 2");
      assertThat(seen.get(3).strip()).isEqualTo("SEARCH OK");
      assertThat(seen.get(4).strip()).isEqualTo("SEARCH OK");
      assertThat(Clients.line(seen, "STATUS")).contains("MESSAGES 1");

      check(browser, "first");
      browser.click("action-delete");
      assertThat(browser.text("notice")).isEqualTo("The messages were deleted.");
      List<String> after =
          imap(user, "status:INBOX:(MESSAGES)", "status:Trash:(MESSAGES)", "logout");
      assertThat(after.get(0)).contains("MESSAGES 1");
      assertThat(after.get(1)).contains("MESSAGES 1");
    }
  }

  @Test
  void searchFindsJapaneseSubjectsAndBodies() {
    String user = newUser("search");
    deliver(user, japanese(user));
    deliver(user, plain(user, "=?UTF-8?B?" + b64("請求書のご案内") + "?=", "お支払いは月末までに"));
    deliver(user, plain(user, "unrelated", "nothing here"));

    try (Browser browser = signIn(user, "en")) {
      browser.type("search-subject", "請求書");
      browser.click("search-submit");
      assertThat(subjects(browser)).containsExactly("請求書のご案内");
      browser.open(server.uri("/mail/").toString());
      browser.type("search-body", "①②③");
      browser.click("search-submit");
      browser.screenshot("webmail-search");
      assertThat(subjects(browser)).containsExactly("会議①の資料");
    }
  }

  @Test
  void scriptInBodiesAndHeadersNeverRuns() {
    String user = newUser("xss");
    String vector = "<img src=x onerror=alert('subject')>";
    byte[] message =
        Clients.crlf(
            "From: \"<script>alert('name')</script>\" <evil@sender.example>",
            "To: <" + user + ">",
            "Subject: " + vector,
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=x",
            "",
            "--x",
            "Content-Type: text/html; charset=UTF-8",
            "",
            "<p>hello</p><script>alert('script')</script><img src=x onerror=alert('onerror')>",
            "<svg><animate onbegin=alert('svg') attributeName=x dur=1s></svg>",
            "<a href=\"javascript:alert('link')\">click</a>",
            "<form action=https://evil.example><input name=p></form>",
            "<img src=\"https://tracker.example/pixel.gif\">",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')>",
            "--x",
            "Content-Type: text/plain; name=\"<img src=x onerror=alert('file')>.txt\"",
            "Content-Disposition: attachment; filename=\"<img src=x onerror=alert('file')>.txt\"",
            "",
            "attached",
            "--x--");
    deliver(user, message);

    try (Browser browser = signIn(user, "en")) {
      assertThat(browser.alert()).isNull();
      browser.driver().findElement(By.cssSelector("td.subject a")).click();
      browser.loaded();
      browser.screenshot("webmail-xss");
      assertThat(browser.alert()).isNull();
      assertThat(browser.text("subject")).isEqualTo(vector);
      assertThat(browser.text("from")).contains("<script>alert('name')</script>");
      assertThat(browser.driver().findElement(By.cssSelector("a.attachment")).getText())
          .isEqualTo("<img src=x onerror=alert('file')>.txt");
      assertThat(browser.find("remote-blocked").isDisplayed()).isTrue();
      assertThat(browser.driver().findElements(By.cssSelector("main img"))).isEmpty();

      browser
          .driver()
          .switchTo()
          .frame(browser.driver().findElement(By.cssSelector("iframe.html-part")));
      assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("hello");
      assertThat(
              browser
                  .driver()
                  .findElements(By.cssSelector("script, form, svg, [onerror], [onbegin]")))
          .isEmpty();
      browser.driver().findElement(By.linkText("click")).click();
      browser.driver().switchTo().defaultContent();
      assertThat(browser.alert()).isNull();
      assertThat(noScriptTrouble(browser)).isEmpty();
    }
  }

  @Test
  void forgedAndReplayedFormsAreRefused() {
    String user = newUser("csrf");
    deliver(user, plain(user, "keep me", "unflagged"));
    WebmailHttp http = new WebmailHttp(server);
    assertThat(http.login(user, Clients.PASSWORD).statusCode()).isEqualTo(303);
    String inbox = http.get("/mail/").headers().firstValue("Location").orElseThrow();
    String box = inbox.replaceFirst("^https?://[^/]+", "");
    Map<String, String> form = http.form(box, "action", "flag", "uid", "1");

    Map<String, String> forged = new java.util.LinkedHashMap<>(form);
    forged.replaceAll((k, v) -> k.equals("action") || k.equals("uid") ? v : "forged-token");
    HttpResponse<String> refused = http.post(box, forged);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("This form has expired").doesNotContain("Exception");
    Map<String, String> without = Map.of("action", "flag", "uid", "1");
    assertThat(http.post(box, without).statusCode()).isEqualTo(403);

    http.post("/mail/session/logout", http.form(box));
    http.login(user, Clients.PASSWORD);
    assertThat(http.post(box, form).statusCode()).isEqualTo(403); // the old session's token
    assertThat(Clients.line(imap(user, "select:INBOX", "fetch:1:(FLAGS)", "logout"), "FETCH"))
        .doesNotContain("\\Flagged");

    Map<String, String> fresh = http.form(box, "action", "flag", "uid", "1");
    assertThat(http.post(box, fresh).statusCode()).isEqualTo(303);
    assertThat(Clients.line(imap(user, "select:INBOX", "fetch:1:(FLAGS)", "logout"), "FETCH"))
        .contains("\\Flagged");
  }

  @Test
  void aLoggedOutSessionCannotReadAMessageAndCookiesAreGuarded() {
    String user = newUser("leaver");
    deliver(user, plain(user, "secret", "the secret text"));
    WebmailHttp http = new WebmailHttp(server);
    HttpResponse<String> login = http.login(user, Clients.PASSWORD);
    String cookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
    String box =
        http.get("/mail/")
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .replaceFirst("^https?://[^/]+", "");
    HttpResponse<String> page = http.get(box + "/1");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("the secret text");
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy)
        .contains("default-src 'none'", "frame-ancestors 'none'")
        .doesNotContain("script-src");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

    http.post("/mail/session/logout", http.form(box));
    HttpResponse<String> after = http.get(box + "/1");
    assertThat(after.statusCode()).isEqualTo(303);
    assertThat(after.headers().firstValue("Location").orElseThrow())
        .endsWith("/mail/login?expired");
    assertThat(after.body()).doesNotContain("secret");
    assertThat(http.get("/mail/login?expired").body()).contains("Your session has ended");
    assertThat(http.get(box + "/1/raw").statusCode()).isEqualTo(303);
  }

  @Test
  void anotherUsersMessageIsNotFound() {
    String alice = newUser("alice");
    String bob = newUser("bob");
    deliver(alice, plain(alice, "for alice only", "private"));
    WebmailHttp aliceHttp = new WebmailHttp(server);
    aliceHttp.login(alice, Clients.PASSWORD);
    String aliceBox =
        aliceHttp
            .get("/mail/")
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .replaceFirst("^https?://[^/]+", "");
    assertThat(aliceHttp.get(aliceBox + "/1").statusCode()).isEqualTo(200);

    WebmailHttp bobHttp = new WebmailHttp(server);
    bobHttp.login(bob, Clients.PASSWORD);
    for (String path :
        List.of(aliceBox, aliceBox + "/1", aliceBox + "/1/raw", aliceBox + "/1/part/1")) {
      HttpResponse<String> response = bobHttp.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body()).as(path).doesNotContain("private", "alice");
    }
    try (Browser browser = signIn(bob, "en")) {
      browser.open(server.uri(aliceBox + "/1").toString());
      browser.screenshot("webmail-404");
      assertThat(browser.text("error")).isEqualTo("There is no such page or message.");
    }
  }

  @Test
  void aWrongPasswordIsRefusedAndThrottled() {
    String user = newUser("guess");
    WebmailHttp http = new WebmailHttp(server);
    HttpResponse<String> wrong = http.login(user, "not the password");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("The address or password is wrong.");
    for (int i = 0; i < 4; i++) {
      http.login(user, "still wrong");
    }
    HttpResponse<String> blocked = http.login(user, Clients.PASSWORD);
    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.body()).contains("Too many failed sign-ins");
  }

  private static void check(Browser browser, String subject) {
    for (WebElement row : browser.driver().findElements(By.cssSelector("#messages tbody tr"))) {
      if (row.findElement(By.cssSelector("td.subject")).getText().equals(subject)) {
        row.findElement(By.cssSelector("input[type=checkbox]")).click();
        return;
      }
    }
    throw new AssertionError("no message " + subject);
  }

  private static List<String> subjects(Browser browser) {
    return browser.driver().findElements(By.cssSelector("td.subject")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** Console entries that tell of script: errors, CSP violations (favicon misses aside). */
  private static List<String> noScriptTrouble(Browser browser) {
    return browser.console().stream()
        .map(LogEntry::getMessage)
        .filter(m -> !m.contains("favicon.ico"))
        .filter(
            m ->
                m.contains("Content Security Policy")
                    || m.contains("Uncaught")
                    || m.contains("alert"))
        .toList();
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(UTF_8));
  }
}
