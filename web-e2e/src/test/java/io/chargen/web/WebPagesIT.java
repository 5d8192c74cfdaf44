package io.chargen.web;

import static io.chargen.web.Pages.QUICK;
import static io.chargen.web.Pages.SLOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.kafka.FreePorts;
import io.chargen.service.security.Role;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The capture pad and the dashboard in headless Chromium against the whole system (real broker, four services,
 * shipped model): a held-out writer's 'u' and 'n' written with pen events in teach mode appear as learned concepts
 * on the dashboard; a ten-step blend grid is drawn with its state heatmaps; the writer's second 'n' in ask mode is
 * named. Screenshots of both pages at desktop and phone size go to target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPagesIT {
  private static final char LETTER = 'n';
  /** Taught too, so the query has a look-alike to lose to: the classifier chooses among learned concepts. */
  private static final char RIVAL = 'u';
  private static final String OTHER = "a";
  private static final int GRID_STEPS = 10;
  /** Blend 5 of 0..9: weight 5/9 = 0.56 on the second concept. */
  private static final int MIDDLE = 5;

  private Pages pages;
  private ChargenSystem system;
  private Browser browser;

  @BeforeAll
  void startSystemAndBrowser() throws Exception {
    pages = Pages.start();
    system = pages.system;
    browser = pages.browser;
  }

  @AfterAll
  void stop() throws Exception {
    if (pages != null) {
      pages.close();
    }
  }

  @Test
  @Order(1)
  @DisplayName("a letter written with the pen in teach mode is learned and shows up in the dashboard's concepts")
  void teachesALetter() throws Exception {
    WebDriver page = browser.driver();
    page.get(system.captureRoot());
    assertThat(page.getCurrentUrl()).endsWith("/pad/");
    pages.openPad(); // told where the dashboard is, so it can say what was learned
    for (char letter : new char[] {RIVAL, LETTER}) {
      pages.typeLetter(letter);
      pages.write(pages.letter(letter, 0));
      assertThat(pages.canvasInk("#canvas")).as("ink on the pad").isGreaterThan(0);
      if (letter == LETTER) {
        browser.screenshot("pad-desktop");
      }
      page.findElement(By.id("send")).click();
      browser.await(SLOW, "the pad to say '" + letter + "' was learned",
          d -> pages.status().startsWith("Learned \u201c" + letter));
    }
    page.findElement(By.id("teach-hand")).click(); // a trained letter under a name teaches that writer's hand
    WebElement name = page.findElement(By.id("writer"));
    assertThat(name.getDomProperty("value")).as("no name until the writer gives one").isEmpty();
    name.sendKeys("zoe");
    pages.typeLetter('a');
    pages.write(pages.letter('a', 0));
    page.findElement(By.id("send")).click();
    browser.await(SLOW, "the pad to say zoe's hand was learned",
        d -> pages.status().startsWith("Learned your handwriting \u201czoe\u201d"));

    pages.openDashboard();
    browser.await(SLOW, "zoe's hand in the Hand select",
        d -> !d.findElements(By.cssSelector("#hand option[value='@zoe']")).isEmpty());
    for (char letter : new char[] {RIVAL, LETTER}) {
      browser.await(SLOW, "'" + letter + "' to appear as learned in the concept list", d -> {
        List<WebElement> chip = d.findElements(By.cssSelector(".concept.learned[data-label='" + letter + "']"));
        return !chip.isEmpty() && Integer.parseInt(chip.get(0).getDomAttribute("data-version")) >= 1;
      });
    }
  }

  @Test
  @Order(2)
  @DisplayName("the ten-step blend grid from one concept to another is drawn, with the shown letter's c and h heatmaps")
  void drawsABlendGrid() throws Exception {
    WebDriver page = browser.driver();
    pages.openDashboard();
    browser.await(QUICK, "concepts to load", d -> !d.findElements(By.cssSelector(".concept")).isEmpty());
    pages.choose("grid-a", OTHER);
    pages.choose("grid-b", String.valueOf(LETTER));
    Select hand = new Select(page.findElement(By.id("hand")));
    assertThat(page.findElement(By.id("hand-row")).isDisplayed()).as("the default model has writers' hands").isTrue();
    assertThat(hand.getFirstSelectedOption().getText()).isEqualTo("typical (default)");
    assertThat(hand.getOptions()).as("typical plus the training writers").hasSizeGreaterThan(2);
    assertThat(page.findElements(By.cssSelector(".concept[data-label^='@']"))).as("hands are not letter chips")
        .isEmpty();
    WebElement steps = page.findElement(By.id("steps"));
    steps.clear(); // as many steps as the taught example, as the paper generates
    steps.sendKeys(Integer.toString(pages.letter(LETTER, 0).points().size() - 1));
    page.findElement(By.id("grid")).click();
    browser.await(SLOW, "all " + GRID_STEPS + " blends to be drawn", d ->
        d.findElements(By.cssSelector("#results canvas[data-drawn='true']")).size() == GRID_STEPS);
    for (int i = 0; i < GRID_STEPS; i++) {
      assertThat(pages.canvasInk("#results .cell[data-index='" + i + "'] canvas")).as("ink in blend %d", i)
          .isGreaterThan(0);
    }
    browser.await(QUICK, "the shown letter to be drawn", d -> "true".equals(pages.attribute("#shown", "data-drawn")));
    assertThat(pages.canvasInk("#shown")).isGreaterThan(0);
    for (String heat : List.of("#heat-c", "#heat-h")) {
      assertThat(pages.attribute(heat, "height")).as(heat + " rows: one per LSTM unit").isEqualTo("100");
      assertThat(pages.canvasInk(heat)).as(heat + " coloured").isGreaterThan(0);
    }
    page.findElement(By.cssSelector("#results .cell[data-index='" + MIDDLE + "']")).click();
    browser.await(QUICK, "the middle blend to be shown", d -> d.findElement(By.id("shown-caption")).getText()
        .startsWith(OTHER + " 44% + " + LETTER + " 56%"));
    browser.await(QUICK, "the shown letter to be redrawn", d -> "true".equals(pages.attribute("#shown", "data-drawn")));
    assertThat(page.findElements(By.cssSelector("#feed canvas"))).as("live feed").hasSizeGreaterThanOrEqualTo(
        GRID_STEPS);
    browser.screenshot("dashboard-desktop");
    browser.resize(Browser.PHONE);
    page.findElement(By.cssSelector("#results .cell[data-index='" + MIDDLE + "']")).click(); // show it anew
    browser.await(QUICK, "the shown letter to be drawn at phone size",
        d -> "true".equals(pages.attribute("#shown", "data-drawn")));
    assertThat(pages.canvasInk("#shown")).as("the shown letter after the resize").isGreaterThan(0);
    browser.script("window.scrollTo(0, 0);");
    browser.screenshot("dashboard-phone");
    browser.resize(Browser.DESKTOP);
  }

  @Test
  @Order(3)
  @DisplayName("a letter written in ask mode is classified and its label and per-concept scores are shown")
  void classifiesALetter() throws Exception {
    WebDriver page = browser.driver();
    pages.openPad();
    page.findElement(By.id("mode-ask")).click();
    pages.write(pages.letter(LETTER, 1));
    page.findElement(By.id("send")).click();
    browser.await(SLOW, "a classification", d -> d.findElement(By.id("classification")).isDisplayed());
    String label = page.findElement(By.id("result-label")).getText();
    assertThat(label).as("the writer's second '%s'", LETTER).isEqualTo(String.valueOf(LETTER));
    assertThat(page.findElement(By.id("runners-up")).getText()).as("the rival named in words").contains("u");
    assertThat(page.findElements(By.cssSelector("#scores li"))).hasSizeGreaterThan(1);
    assertThat(page.findElement(By.cssSelector("#scores li.best")).getDomAttribute("data-label")).isEqualTo(label);
  }

  @Test
  @Order(4)
  @DisplayName("with the backend down both pages say so and how to start it")
  void explainsABackendThatIsDown() throws Exception {
    int closed = FreePorts.pick(1)[0]; // nothing listens there
    for (String url : List.of(system.padUrl() + "?api=http://127.0.0.1:" + closed + "#token="
        + system.token(Pages.TENANT, Role.TABLET), system.dashboardUrl() + "?api=http://127.0.0.1:" + closed
        + "#token=" + system.token(Pages.TENANT, Role.DASHBOARD))) {
      browser.driver().get(url);
      browser.await(QUICK, "the disconnected state on " + url,
          d -> "disconnected".equals(pages.attribute("#connection", "data-state")));
      assertThat(browser.driver().findElement(By.id("banner")).getText())
          .contains("Cannot reach").contains("127.0.0.1:" + closed).contains("./chargen up");
    }
    browser.resize(Browser.PHONE);
    browser.screenshot("dashboard-backend-down-phone");
    browser.resize(Browser.DESKTOP);
  }

  @Test
  @Order(5)
  @DisplayName("a visit without a token says so and how to get one; a pasted token connects and shows its tenant")
  void tokenlessVisit() throws Exception {
    WebDriver page = browser.driver();
    for (String url : List.of(system.padUrl(), system.dashboardUrl())) {
      page.get(url);
      browser.script("sessionStorage.clear(); return null;");
      page.navigate().refresh();
      browser.await(QUICK, "the missing-token message on " + url,
          d -> "none".equals(pages.attribute("#auth", "data-state")));
      assertThat(page.findElement(By.id("auth-message")).getText()).as(url)
          .contains("needs a bearer token", "./chargen token");
      assertThat(pages.attribute("#connection", "data-state")).as(url).isEqualTo("disconnected");
      assertThat(page.findElement(By.id("banner")).getText()).as(url).contains("No token");
    }
    browser.screenshot("dashboard-no-token");
    page.findElement(By.id("token-input")).sendKeys(system.token("other-school", Role.DASHBOARD));
    page.findElement(By.id("token-use")).click();
    pages.awaitConnected();
    assertThat(page.findElement(By.id("tenant")).getText()).isEqualTo("tenant other-school");
  }

  @Test
  @Order(6)
  @DisplayName("two tenants side by side: another tenant's dashboard lists none of the letters taught for this one")
  void tenantsSideBySide() throws Exception {
    WebDriver page = browser.driver();
    pages.openDashboard();
    browser.await(SLOW, "this tenant's learned letter", d -> !d.findElements(By.cssSelector(
        ".concept.learned[data-label='" + LETTER + "']")).isEmpty());
    assertThat(page.findElement(By.id("tenant")).getText()).isEqualTo("tenant " + Pages.TENANT);
    page.get(system.dashboardUrl() + "?pad=x#token=" + system.token("other-school", Role.DASHBOARD));
    pages.awaitConnected();
    assertThat(page.findElement(By.id("tenant")).getText()).isEqualTo("tenant other-school");
    browser.await(SLOW, "the base letters listed for the other tenant", d -> !d.findElements(By.cssSelector(
        ".concept[data-label='a']")).isEmpty());
    assertThat(page.findElements(By.cssSelector(".concept.learned"))).as("nothing learned by other-school").isEmpty();
    browser.screenshot("dashboard-other-tenant");
  }
}
