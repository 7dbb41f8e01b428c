package dev.argus.stack.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver (Selenium never downloads a
 * browser or a driver here), with the waits and screenshots the dashboard tests need.
 */
final class Browser implements AutoCloseable {

  private static final List<String> CHROMIUM =
      List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
  private static final List<String> DRIVER =
      List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

  private final ChromeDriver driver;
  private final Path screenshots;

  private Browser(ChromeDriver driver, Path screenshots) {
    this.driver = driver;
    this.screenshots = screenshots;
  }

  /** Why the browser tests cannot run here, or empty when Chromium and its driver are installed. */
  static Optional<String> missing() {
    if (find(CHROMIUM).isEmpty() || find(DRIVER).isEmpty()) {
      return Optional.of(
          "Chromium or chromedriver is not installed (infra/bin/install-test-deps.sh installs the"
              + " Debian packages chromium and chromium-driver): skipping the dashboard's browser"
              + " tests");
    }
    return Optional.empty();
  }

  static Browser start(Path userDataDir, Path screenshots) throws IOException {
    Files.createDirectories(userDataDir);
    Files.createDirectories(screenshots);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(find(CHROMIUM).orElseThrow().toFile());
    // The flags that work on these machines (TOOLING.md): without the networking ones Chromium
    // keeps trying hosts the closed network refuses.
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + userDataDir.toAbsolutePath(),
        "--window-size=1280,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(find(DRIVER).orElseThrow().toFile())
            .usingAnyFreePort()
            .build();
    return new Browser(new ChromeDriver(service, options), screenshots);
  }

  private static Optional<Path> find(List<String> candidates) {
    return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
  }

  WebDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  /** Waits until {@code condition} answers something other than null or false. */
  <T> T await(Duration timeout, String what, Function<WebDriver, T> condition) {
    // A page re-renders its lists when data arrives: an element found a moment ago may be gone.
    return new WebDriverWait(driver, timeout)
        .withMessage(what)
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  /** Waits for an element and returns it. */
  WebElement element(By by) {
    return await(Duration.ofSeconds(20), "an element " + by, d -> first(d, by));
  }

  /** The visible text of {@code <main>}, or null while it has none. */
  String mainText() {
    List<WebElement> main = driver.findElements(By.id("main"));
    return main.isEmpty() ? null : main.getFirst().getText();
  }

  /** Waits until {@code <main>} shows every one of {@code texts}. */
  String awaitMainShows(Duration timeout, String... texts) {
    return new WebDriverWait(driver, timeout)
        .withMessage(() -> "the page to show " + List.of(texts) + "; it shows:\n" + mainText())
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              String text = mainText();
              return text != null && Stream.of(texts).allMatch(text::contains) ? text : null;
            });
  }

  /** Waits until the text of {@code <main>} satisfies {@code test}, and returns it. */
  String awaitMain(Duration timeout, String what, Predicate<String> test) {
    return await(
        timeout,
        what,
        d -> {
          String text = mainText();
          return text != null && test.test(text) ? text : null;
        });
  }

  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  Object script(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /** Saves a PNG of the page, named {@code name}.png, and returns its path. */
  Path screenshot(String name) {
    try {
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Path file = screenshots.resolve(name + ".png");
      Files.write(file, png);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Saves the whole page, not only what the window shows: the window grows to the page's height (at
   * most 3000 px) for the picture and goes back to its size after.
   */
  Path fullPageScreenshot(String name) {
    Dimension size = driver.manage().window().getSize();
    long height = ((Number) script("return document.documentElement.scrollHeight;")).longValue();
    long chrome = size.getHeight() - ((Number) script("return window.innerHeight;")).longValue();
    driver
        .manage()
        .window()
        .setSize(new Dimension(size.getWidth(), (int) Math.min(3000, height + chrome)));
    try {
      return screenshot(name);
    } finally {
      driver.manage().window().setSize(size);
    }
  }

  private static WebElement first(WebDriver driver, By by) {
    List<WebElement> found = driver.findElements(by);
    return found.isEmpty() || !found.getFirst().isDisplayed() ? null : found.getFirst();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
