package dev.yubin.connector;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves one setting the way MicroProfile Config does for the application: a system property
 * ({@code yubin.smtp.port}), then an environment variable ({@code YUBIN_SMTP_PORT}), then the
 * adapter's configured property, then the default. So one set of keys configures both the adapter
 * and the application.
 */
final class Settings {

  private Settings() {}

  static String string(String key, String configured, String fallback) {
    String value = System.getProperty(key);
    if (value == null || value.isBlank()) {
      value = System.getenv(key.toUpperCase().replace('.', '_').replace('-', '_'));
    }
    if (value == null || value.isBlank()) {
      value = configured;
    }
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  static int integer(String key, Integer configured, int fallback) {
    String value = string(key, configured == null ? null : configured.toString(), null);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is not a number: " + value, e);
    }
  }

  static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
