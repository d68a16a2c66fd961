package dev.yubin.web.interfaces.webmail;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/**
 * The request's language: the one the user chose (a cookie), else the first of Japanese and English
 * in Accept-Language, else English.
 */
@RequestScoped
public class WebmailLocale {

  static final String COOKIE = "yubin-lang";
  static final List<String> LANGUAGES = List.of("en", "ja");

  @Inject HttpServletRequest request;

  private Locale locale;

  public Locale get() {
    if (locale == null) {
      locale = Locale.forLanguageTag(choose(request));
    }
    return locale;
  }

  static String choose(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (cookie.getName().equals(COOKIE)
            && cookie.getValue() != null
            && LANGUAGES.contains(cookie.getValue())) {
          return cookie.getValue();
        }
      }
    }
    String header = request.getHeader("Accept-Language");
    if (header != null) {
      try {
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
          String language = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
          if (LANGUAGES.contains(language)) {
            return language;
          }
        }
      } catch (IllegalArgumentException e) {
        // a malformed header: the default
      }
    }
    return "en";
  }
}
