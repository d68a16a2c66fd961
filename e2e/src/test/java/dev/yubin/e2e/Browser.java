package dev.yubin.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven by its chromedriver (DESIGN.md): no download, a fresh profile
 * each time, the browser's console kept so tests can see script errors and CSP violations, alerts
 * left open so tests can see them. Screenshots go under target/screenshots/.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  final ChromeDriver driver;
  private final Path profile;

  Browser(String language) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "chromium and chromium-driver are missing: ./yubin test installs them (apt)");
    }
    profile = E2e.tempDirectory("chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--window-size=1200,900",
        "--lang=" + language,
        "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    driver = new ChromeDriver(service, options);
  }

  void open(String url) {
    driver.get(url);
    loaded();
  }

  /** Waits until the document and every frame in it have loaded. */
  void loaded() {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(
            d ->
                "complete"
                    .equals(
                        driver.executeScript(
                            "for (const f of document.querySelectorAll('iframe')) {"
                                + " try { if (f.contentDocument && f.contentDocument.readyState !== 'complete') return 'loading'; }"
                                + " catch (e) {} }"
                                + " return document.readyState;")));
  }

  WebElement find(String id) {
    return driver.findElement(By.id(id));
  }

  void click(String id) {
    find(id).click();
    loaded();
  }

  void type(String id, String text) {
    WebElement field = find(id);
    field.clear();
    field.sendKeys(text);
  }

  String text(String id) {
    return find(id).getText();
  }

  /** The text of an open alert, or null when none is open. */
  String alert() {
    try {
      return driver.switchTo().alert().getText();
    } catch (NoAlertPresentException e) {
      return null;
    }
  }

  /** The browser console since the last call. */
  List<LogEntry> console() {
    return driver.manage().logs().get(LogType.BROWSER).getAll();
  }

  /** Saves a screenshot as target/screenshots/NAME.png. */
  void screenshot(String name) {
    try {
      Path folder = Files.createDirectories(E2e.workDirectory().resolve("../screenshots"));
      Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value of a cookie of the current site, or null. */
  String cookie(String name) {
    org.openqa.selenium.Cookie cookie = driver.manage().getCookieNamed(name);
    return cookie == null ? null : cookie.getValue();
  }

  WebDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
