package uk.alluris.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven through Selenium, as a member of staff or a client would use the platform's pages.
 * It uses the machine's own browser and driver (Debian's {@code chromium} and {@code chromium-driver}; never a
 * download): where they are missing, the browser tests are skipped with a message saying what to install.
 * Screenshots go to {@code docs/screens/}, where the README shows them.
 */
final class Browser implements AutoCloseable {

    private static final List<Path> BROWSERS = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"),
            Path.of("/usr/bin/google-chrome"));
    private static final List<Path> DRIVERS = List.of(Path.of("/usr/bin/chromedriver"),
            Path.of("/usr/lib/chromium/chromedriver"));
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        // a page being replaced (a navigation, an htmx swap) leaves stale elements behind: look again
        this.wait = (WebDriverWait) new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class);
    }

    /** A fresh browser (its own cookies), or the test is skipped when the machine has no Chromium. */
    static Browser open() {
        return open(new ChromeOptions());
    }

    /** As {@link #open()}, with the caller's extra options (e.g. arguments or preferences). */
    static Browser open(ChromeOptions options) {
        Optional<Path> browser = firstExisting(BROWSERS);
        Optional<Path> driver = firstExisting(DRIVERS);
        Assumptions.assumeTrue(browser.isPresent() && driver.isPresent(),
                "browser tests need Chromium and its driver: apt-get install chromium chromium-driver");
        options.setBinary(browser.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-GB", "--disable-extensions", "--no-first-run");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    WebDriver driver() {
        return driver;
    }

    Browser go(String url) {
        driver.get(url);
        return this;
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** The element once it is visible. */
    WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Types into a field found by its label's {@code for} id, as a keyboard user would. */
    Browser type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    Browser click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
        return this;
    }

    /** Waits until the page's text contains {@code text} (htmx updates included). */
    Browser awaitText(String text) {
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        return this;
    }

    /** Waits for any condition on the page. */
    <T> T await(Function<WebDriver, T> condition) {
        return wait.until(condition::apply);
    }

    /** Waits longer than usual, for what takes the platform a while (a request fanning out to every service). */
    <T> T await(Duration patience, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, patience).ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Runs JavaScript in the page and returns its result. */
    Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** A Chrome DevTools command, e.g. extra headers or a script run before every page's own. */
    Map<String, Object> devTools(String command, Map<String, Object> parameters) {
        return driver.executeCdpCommand(command, parameters);
    }

    /** Saves what the browser shows to {@code docs/screens/<name>.png} (the whole page's width, the window's height). */
    Browser screenshot(String name) {
        Path screens = Path.of(System.getProperty("user.dir")).getParent().resolve("docs").resolve("screens");
        try {
            Files.createDirectories(screens);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, screens.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static Optional<Path> firstExisting(List<Path> candidates) {
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }
}
