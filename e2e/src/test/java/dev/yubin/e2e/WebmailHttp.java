package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Webmail spoken to as plain HTTP, to look at what a browser hides: statuses, headers, cookies, and
 * forms sent without (or with someone else's) CSRF token. Cookies are kept; redirects are not
 * followed.
 */
final class WebmailHttp {

  static final Pattern TOKEN =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"");

  final CookieManager cookies = new CookieManager();
  private final HttpClient client =
      HttpClient.newBuilder()
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final YubinServer server;

  WebmailHttp(YubinServer server) {
    this.server = server;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(server.uri(path)).GET());
  }

  HttpResponse<byte[]> getBytes(String path) {
    try {
      return client.send(
          HttpRequest.newBuilder(server.uri(path)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> post(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(server.uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The CSRF field (name and value) of the first form on a page. */
  static Map.Entry<String, String> token(String page) {
    Matcher m = TOKEN.matcher(page);
    if (!m.find()) {
      throw new AssertionError("no CSRF field in:\n" + page);
    }
    return Map.entry(m.group(1).replace("&amp;", "&"), m.group(2).replace("&amp;", "&"));
  }

  /** Signs in through the login form; answers the login POST's response. */
  HttpResponse<String> login(String address, String password) {
    Map.Entry<String, String> token = token(get("/mail/login").body());
    Map<String, String> form = new LinkedHashMap<>();
    form.put(token.getKey(), token.getValue());
    form.put("address", address);
    form.put("password", password);
    return post("/mail/login", form);
  }

  /** A form with the CSRF token of the page at {@code path}, plus the given fields. */
  Map<String, String> form(String path, String... fields) {
    Map.Entry<String, String> token = token(get(path).body());
    Map<String, String> form = new LinkedHashMap<>();
    form.put(token.getKey(), token.getValue());
    for (int i = 0; i + 1 < fields.length; i += 2) {
      form.put(fields[i], fields[i + 1]);
    }
    return form;
  }

  String sessionId() {
    for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
      if (cookie.getName().equals("JSESSIONID")) {
        return cookie.getValue();
      }
    }
    return null;
  }

  URI uri(String path) {
    return server.uri(path);
  }
}
