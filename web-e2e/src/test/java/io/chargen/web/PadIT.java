package io.chargen.web;

import static io.chargen.web.Pages.QUICK;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.SoftAssertions;
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
import org.openqa.selenium.interactions.Actions;

/**
 * The capture pad as a first-time user with a pen tablet meets it (issue 16): one test per problem found, each
 * failing on the page as it was. Runs on a fresh system, so the first test asks before anything is taught.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PadIT {
  /** The classifier waits a moment for a concept that may be on its way, then answers; retries end in ~3 s. */
  private static final Duration ANSWER = Duration.ofSeconds(30);
  /** The time between the taps of a double tap (phones count up to 300 ms as one double tap). */
  private static final Duration DOUBLE_TAP = Duration.ofMillis(250);
  /** Long enough for a second, unwanted reply to a double tap to arrive and be shown. */
  private static final long SETTLE_MS = 1500;
  /** The desktop pad's result belongs right under its controls: at most the gap between two panels and a bit. */
  private static final double MAX_GAP_PX = 40;

  private Pages pages;

  @BeforeAll
  void start() throws Exception {
    pages = Pages.start();
  }

  @AfterAll
  void stop() throws Exception {
    if (pages != null) {
      pages.close();
    }
  }

  private WebDriver page() {
    return pages.page();
  }

  private WebElement element(String id) {
    return page().findElement(By.id(id));
  }

  @Test
  @Order(1)
  @DisplayName("1. asking before anything is taught gets an answer saying so, not an endless 'classifying…'")
  void answersWhenNothingIsTaught() {
    pages.openPad();
    element("mode-ask").click();
    pages.write(pages.letter('n', 1));
    element("send").click();
    pages.browser.await(ANSWER, "an answer to a query with nothing taught",
        d -> pages.status().toLowerCase(Locale.ROOT).contains("nothing taught"));
    assertThat(element("classification").isDisplayed()).as("no label to show").isFalse();
    assertThat(element("status").getDomAttribute("class")).doesNotContain("error");
  }

  @Test
  @Order(2)
  @DisplayName("2. the Letter field is hidden in Ask mode and back in Teach mode")
  void hidesTheLetterFieldInAskMode() {
    pages.openPad();
    pages.typeLetter('n');
    element("mode-ask").click();
    assertThat(element("label-field").isDisplayed()).as("Letter field in Ask mode").isFalse();
    element("mode-teach").click();
    assertThat(element("label-field").isDisplayed()).as("Letter field in Teach mode").isTrue();
  }

  @Test
  @Order(3)
  @DisplayName("3. typing into the Letter field after teaching gives that one letter, lower case")
  void theLetterFieldHoldsOneLetter() {
    pages.openPad();
    pages.teachOnPad('n');
    pages.typeLetter('o');
    assertThat(element("label").getDomProperty("value")).as("after 'n' was taught, the user types o").isEqualTo("o");
    pages.typeLetter('N');
    assertThat(element("label").getDomProperty("value")).as("a capital N").isEqualTo("n");
  }

  @Test
  @Order(4)
  @DisplayName("4. the pad says before and after Teach whether it teaches a letter or the writer's hand")
  void saysWhetherALetterOrAHandIsTaught() throws Exception {
    pages.openPad();
    pages.typeLetter('a');
    SoftAssertions before = new SoftAssertions();
    before.assertThat(element("hint").getText()).as("what Teach will do, before it is pressed")
        .contains("\u201ca\u201d");
    pages.write(pages.letter('a', 0));
    element("send").click();
    pages.browser.await(Pages.SLOW, "a letter or a hand to be learned from the 'a'", d -> learned("a")
        || learned("@web-pad"));
    String said = awaitLearnedStatus();
    if (pages.conceptVersion("a") > 0) {
      assertThat(said).as("the letter a was taught").contains("\u201ca\u201d").doesNotContain("hand");
    } else {
      assertThat(said).as("a hand was taught").contains("hand").contains("web-pad");
    }
    before.assertAll();

    clickIfPresent("teach-hand"); // the other choice, if the page offers it
    WebElement name = element("writer");
    name.clear();
    name.sendKeys("zoe");
    pages.typeLetter('b');
    assertThat(element("hint").getText()).as("Teach will teach zoe's hand").contains("zoe").contains("hand");
    pages.write(pages.letter('b', 0));
    element("send").click();
    pages.browser.await(Pages.SLOW, "zoe's hand to be learned", d -> learned("@zoe"));
    assertThat(awaitLearnedStatus()).contains("zoe").contains("hand");
    assertThat(pages.conceptVersion("b")).as("b itself stays the model's").isZero();
  }

  @Test
  @Order(5)
  @DisplayName("5. a double tap on Teach teaches once and leaves the status green")
  void aDoubleTapTeachesOnce() throws Exception {
    pages.openPad();
    pages.typeLetter('u');
    pages.write(pages.letter('u', 0));
    WebElement send = element("send");
    new Actions(page()).click(send).pause(DOUBLE_TAP).click(send).perform();
    pages.browser.await(QUICK, "the pad to confirm the example of 'u'",
        d -> pages.status().startsWith("Taught \u201cu") || pages.status().startsWith("Learned \u201cu"));
    send.click(); // the second tap of a slower double tap lands after the confirmation
    pages.browser.await(Pages.SLOW, "u to be learned", d -> learned("u"));
    Thread.sleep(SETTLE_MS);
    assertThat(element("status").getDomAttribute("class")).as(pages.status()).doesNotContain("error");
    assertThat(pages.conceptVersion("u")).as("one example, one version").isEqualTo(1);
  }

  @Test
  @Order(6)
  @DisplayName("9. the answer stands next to the letter asked about, in words, with the details on demand")
  void showsTheAnswerBesideTheDrawing() throws Exception {
    teachIfNeeded('n');
    teachIfNeeded('u');
    ask('n');
    WebElement answer = element("classification");
    String shown = answer.getText();
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(pages.canvasInk("#canvas")).as("the letter asked about is still on the pad").isPositive();
    soft.assertThat(shown).as("visible answer").doesNotContainPattern("-\\d").doesNotContain(" ms")
        .doesNotContain("shape_dtw");
    soft.assertThat(page().findElements(By.cssSelector("#classification details:not([open])")))
        .as("details, closed").hasSize(1);
    soft.assertThat(element("result-label").getText()).isEqualTo("n");
    soft.assertThat(shown).as("the runner-up named in words").containsPattern("\\bu\\b");
    soft.assertAll();
    page().findElement(By.cssSelector("#classification details summary")).click();
    assertThat(answer.getText()).as("details on demand").contains("shape_dtw").contains("ms");
    pages.browser.screenshot("pad-ask-desktop");
  }

  @Test
  @Order(7)
  @DisplayName("10. the answer sits right under the controls on a desktop and in view on a phone; pages have an icon")
  void placesTheAnswerInView() throws Exception {
    teachIfNeeded('n');
    SoftAssertions soft = new SoftAssertions();
    ask('n');
    List<Double> controls = pages.box(".controls");
    List<Double> result = pages.box(".result");
    soft.assertThat(result.get(0) - controls.get(1)).as("gap between controls and answer, desktop")
        .isLessThan(MAX_GAP_PX);
    pages.browser.resize(Browser.PHONE);
    try {
      ask('n');
      Thread.sleep(SETTLE_MS); // a smooth scroll takes a moment
      List<Double> answer = pages.box("#classification");
      soft.assertThat(answer.get(0)).as("answer top on a phone").isBetween(0.0, pages.viewportHeight() - 1);
      pages.browser.screenshot("pad-phone");
    } finally {
      pages.browser.resize(Browser.DESKTOP);
    }
    for (String url : List.of(pages.padUrl(), pages.dashboardUrl())) {
      page().get(url);
      List<WebElement> icons = page().findElements(By.cssSelector("link[rel~='icon']"));
      soft.assertThat(icons).as("an icon on " + url + ", so no /favicon.ico is asked for").isNotEmpty();
      if (!icons.isEmpty()) {
        Object status = pages.browser.script("return fetch(arguments[0]).then(r => r.status);",
            icons.get(0).getDomProperty("href"));
        soft.assertThat(((Number) status).intValue()).as("icon of " + url).isEqualTo(200);
      }
    }
    soft.assertAll();
  }

  /** Writes the writer's second instance of the letter in Ask mode and waits for the label. */
  private void ask(char letter) {
    pages.openPad();
    element("mode-ask").click();
    pages.write(pages.letter(letter, 1));
    element("send").click();
    pages.browser.await(Pages.SLOW, "a classification", d -> element("classification").isDisplayed());
  }

  private void teachIfNeeded(char letter) throws Exception {
    if (pages.conceptVersion(String.valueOf(letter)) == 0) {
      pages.teachByApi(letter);
    }
  }

  private boolean learned(String label) {
    try {
      return pages.conceptVersion(label) > 0;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** @return the status once the pad stopped saying it is sending or learning */
  private String awaitLearnedStatus() {
    return pages.browser.await(QUICK, "the pad to say what was learned", d -> {
      String s = pages.status();
      return s.startsWith("Sending") || s.contains("learning") ? null : s;
    });
  }

  private void clickIfPresent(String id) {
    page().findElements(By.id(id)).forEach(WebElement::click);
  }
}
