package io.chargen.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium through its matching chromedriver. Nothing is downloaded: the browser and the driver are
 * the system's ({@code apt-get install -y chromium chromium-driver}), and a missing one fails the test saying so.
 * Paths can be overridden with the system properties {@code chargen.chromium} and {@code chargen.chromedriver}.
 */
final class Browser implements AutoCloseable {
  /** The sizes: a desktop window and a phone (iPhone 12-15 CSS pixels). */
  static final Dimension DESKTOP = new Dimension(1280, 900);
  static final Dimension PHONE = new Dimension(390, 844);
  static final String INSTALL = "apt-get update && apt-get install -y chromium chromium-driver";
  /** Switches that keep a headless run local and quiet: no network services, no first-run UI, no GPU. */
  private static final List<String> ARGUMENTS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
      "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1");

  private final ChromeDriver driver;
  private final Path profile;
  private final Path screenshots;

  private Browser(ChromeDriver driver, Path profile, Path screenshots) {
    this.driver = driver;
    this.profile = profile;
    this.screenshots = screenshots;
  }

  /** @param screenshots where {@link #screenshot} saves pictures */
  static Browser start(Path screenshots) throws IOException {
    Path chromium = executable("chargen.chromium", "/usr/bin/chromium");
    Path chromedriver = executable("chargen.chromedriver", "/usr/bin/chromedriver");
    Path profile = Files.createTempDirectory("chargen-chromium-");
    ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile()).addArguments(ARGUMENTS)
        .addArguments("--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
        .usingAnyFreePort().build();
    Files.createDirectories(screenshots);
    Browser browser = new Browser(new ChromeDriver(service, options), profile, screenshots);
    browser.resize(DESKTOP);
    return browser;
  }

  private static Path executable(String property, String fallback) {
    Path path = Path.of(System.getProperty(property, fallback));
    if (!Files.isExecutable(path)) {
      throw new AssertionError(path + " is missing: the web end-to-end tests drive Debian's headless Chromium and "
          + "its chromedriver. Install both with `" + INSTALL + "` (or point -D" + property + "= at another "
          + "binary), or skip these tests with -pl '!web-e2e'.");
    }
    return path;
  }

  WebDriver driver() {
    return driver;
  }

  /** Sets the viewport (not the window) to the size, so the page lays out as on that screen. */
  void resize(Dimension viewport) {
    driver.manage().window().setSize(viewport);
    Object inner = driver.executeScript("return [window.innerWidth, window.innerHeight];");
    List<?> size = (List<?>) inner;
    int dw = viewport.width - ((Number) size.get(0)).intValue();
    int dh = viewport.height - ((Number) size.get(1)).intValue();
    if (dw != 0 || dh != 0) {
      driver.manage().window().setSize(new Dimension(viewport.width + dw, viewport.height + dh));
    }
  }

  /** Runs W3C input actions, e.g. a {@link PenReplay}. */
  void perform(org.openqa.selenium.interactions.Sequence actions) {
    driver.perform(List.of(actions));
  }

  Object script(String js, Object... args) {
    return driver.executeScript(js, args);
  }

  <T> T await(Duration timeout, String what, Function<WebDriver, T> condition) {
    // The pages re-render lists on events: an element found a moment ago may be gone; look again.
    return new WebDriverWait(driver, timeout).withMessage(what)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
  }

  /** Saves the viewport as {@code name}.png and returns the file. */
  Path screenshot(String name) throws IOException {
    Path file = screenshots.resolve(name + ".png");
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
