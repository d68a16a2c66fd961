package dev.yubin.web.interfaces.webmail;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.AbstractMap;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The interface's words in the request's language, for views as {@code #{t['key']}}: English or
 * Japanese ({@code texts.properties}, {@code texts_ja.properties}); a missing key shows itself.
 */
@Named("t")
@RequestScoped
public class Texts extends AbstractMap<String, String> {

  static final String BUNDLE = "dev.yubin.web.interfaces.webmail.texts";

  @Inject WebmailLocale locale;

  private ResourceBundle bundle;

  /** The bundle of a language (tests and views). */
  static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        BUNDLE,
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private ResourceBundle bundle() {
    if (bundle == null) {
      bundle = bundle(locale.get());
    }
    return bundle;
  }

  @Override
  public String get(Object key) {
    try {
      return bundle().getString(String.valueOf(key));
    } catch (MissingResourceException e) {
      return "??" + key + "??";
    }
  }

  @Override
  public boolean containsKey(Object key) {
    return bundle().containsKey(String.valueOf(key));
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return Set.of();
  }
}
