package dev.yubin.web.interfaces.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Webmail's answer to an error: a short page in English and Japanese that says what happened in
 * words (a form that expired or was not ours, a message that is not there, our fault) and leads
 * back to the mailbox; never an exception or a product name. Its text is fixed, nothing of the
 * request is echoed.
 */
final class WebmailErrorPage {

  private WebmailErrorPage() {}

  static boolean covers(String contextPath, String uri) {
    String path = uri.substring(Math.min(uri.length(), contextPath.length()));
    return path.equals("/mail") || path.startsWith("/mail/");
  }

  static void write(HttpServletRequest request, HttpServletResponse response, int status)
      throws IOException {
    String[] words =
        switch (status) {
          case 403 ->
              new String[] {
                "This form has expired or was not sent from this page. Please try again.",
                "このフォームは期限切れか、このページから送信されたものではありません。もう一度お試しください。"
              };
          case 404 -> new String[] {"There is no such page or message.", "そのページまたはメッセージはありません。"};
          case 400, 405, 415 -> new String[] {"This request cannot be handled.", "この要求は処理できません。"};
          default ->
              new String[] {
                "Something went wrong on our side. Please try again later.",
                "サーバーでエラーが発生しました。しばらくしてからもう一度お試しください。"
              };
        };
    response.setStatus(status);
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
    String home = request.getContextPath() + "/mail/";
    PrintWriter out = response.getWriter();
    out.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.write("<title>Yubin</title><link rel=\"stylesheet\" href=\"" + home + "static/mail.css\">");
    out.write("</head><body class=\"error-page\"><main><h1>" + status + "</h1>");
    out.write("<p id=\"error\">" + words[0] + "</p><p lang=\"ja\">" + words[1] + "</p>");
    out.write("<p><a href=\"" + home + "\">Yubin</a></p></main></body></html>");
  }
}
