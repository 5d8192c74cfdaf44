package io.chargen.web;

import io.chargen.model.data.DigiletsDataset;
import io.chargen.model.data.DigiletsReader;
import io.chargen.model.data.PenPoint;
import io.chargen.model.data.PenSample;
import io.chargen.service.security.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * What the page tests share: the whole system, one headless browser, a held-out writer's real letters, and the
 * steps a user takes on the pages (connect, write with the pen, teach) or that a test reads off them (status, ink,
 * attributes). One per test class.
 */
final class Pages implements AutoCloseable {
  /** One-shot learning, generation and classification each take seconds here; CI machines are slower. */
  static final Duration SLOW = Duration.ofSeconds(90);
  static final Duration QUICK = Duration.ofSeconds(15);

  final ChargenSystem system;
  final Browser browser;
  private final DigiletsDataset writer;
  private final String writerId;
  private final HttpClient http = HttpClient.newHttpClient();

  private Pages(ChargenSystem system, Browser browser, DigiletsDataset writer) {
    this.system = system;
    this.browser = browser;
    this.writer = writer;
    this.writerId = writer.writers().get(0);
  }

  /** Starts the browser and the system with the shipped model; the writer comes from {@code chargen.writer}. */
  static Pages start() throws Exception {
    Browser browser = Browser.start(Path.of(System.getProperty("chargen.screenshots", "target/screenshots")));
    try {
      ChargenSystem system = ChargenSystem.start(Path.of(System.getProperty("chargen.model", "../models/base.cgm")));
      return new Pages(system, browser, DigiletsReader.readDataset(Path.of(System.getProperty("chargen.writer"))));
    } catch (Exception | AssertionError e) {
      browser.close();
      throw e;
    }
  }

  WebDriver page() {
    return browser.driver();
  }

  /** @return the writer's recorded letter, instance 0 or 1 (of 5) */
  PenSample letter(char letter, int instance) {
    return writer.sample(writerId, letter, instance);
  }

  /** The tenant of the pages under test. */
  static final String TENANT = "web";

  /**
   * @return the pad, told where the dashboard is (the test system's ports are not the default 8081/8082), with a
   *     tablet token of {@value #TENANT} in the fragment as {@code ./chargen up} prints it
   */
  String padUrl() {
    return system.padUrl() + "?dashboard=" + URLEncoder.encode(system.dashboardUrl(), StandardCharsets.UTF_8)
        + "#token=" + system.token(TENANT, Role.TABLET);
  }

  /** @return the dashboard, told where the pad is, with a dashboard token of {@value #TENANT} */
  String dashboardUrl() {
    return system.dashboardUrl() + "?pad=" + URLEncoder.encode(system.padUrl(), StandardCharsets.UTF_8)
        + "#token=" + system.token(TENANT, Role.DASHBOARD);
  }

  void openPad() {
    page().get("about:blank"); // the same address with the token fragment again would only change the fragment
    page().get(padUrl());
    awaitConnected();
  }

  void openDashboard() {
    page().get("about:blank");
    page().get(dashboardUrl());
    awaitConnected();
  }

  void awaitConnected() {
    browser.await(QUICK, "the page to connect", d -> "connected".equals(attribute("#connection", "data-state")));
  }

  /** Writes the letter with pen events on the pad and waits until the pad counted its strokes. */
  void write(PenSample letter) {
    WebElement canvas = page().findElement(By.id("canvas"));
    browser.perform(PenReplay.write(letter.points(), canvas));
    int strokes = (int) letter.points().stream().filter(PenPoint::penDown).count();
    browser.await(QUICK, strokes + " strokes on the pad",
        d -> Integer.toString(strokes).equals(attribute("#canvas", "data-strokes")));
  }

  /** Types the letter into the pad's Letter field, as a user does: tap it, type. */
  void typeLetter(char letter) {
    WebElement label = page().findElement(By.id("label"));
    label.click();
    label.sendKeys(String.valueOf(letter));
  }

  /**
   * Teaches the letter from the pad (open, in Teach mode) with the writer's instance 0 and waits until the pad
   * confirms the example.
   */
  void teachOnPad(char letter) {
    typeLetter(letter);
    write(letter(letter, 0));
    page().findElement(By.id("send")).click();
    browser.await(QUICK, "the pad to confirm the example of '" + letter + "'",
        d -> status().startsWith("Taught \u201c" + letter) || status().startsWith("Learned \u201c" + letter));
  }

  /**
   * Teaches a letter for everyone through the capture service's HTTP API (no writer: a letter, not a hand) and waits
   * until the generator lists it as learned.
   */
  void teachByApi(char letter) throws Exception {
    JsonArray points = new JsonArray();
    for (PenPoint p : letter(letter, 0).points()) {
      points.add(new JsonObject().put("x", p.x()).put("y", p.y()).put("pressure", p.pressure())
          .put("down", p.penDown()).put("t", p.t()));
    }
    JsonObject example = new JsonObject().put("label", String.valueOf(letter)).put("device", "web-e2e")
        .put("points", points);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(system.captureRoot() + "v1/examples"))
        .header("content-type", "application/json")
        .header("Authorization", "Bearer " + system.token(TENANT, Role.TABLET)).POST(HttpRequest.BodyPublishers.ofString(example.encode()))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      throw new AssertionError("POST /v1/examples: " + response.statusCode() + " " + response.body());
    }
    long deadline = System.nanoTime() + SLOW.toNanos();
    while (System.nanoTime() < deadline) {
      if (conceptVersion(String.valueOf(letter)) > 0) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("'" + letter + "' was not learned within " + SLOW);
  }

  /** @return the concept's latest version as the generator's {@code GET /v1/concepts} says, 0 if not learned */
  long conceptVersion(String label) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
        URI.create(system.generatorRoot() + "v1/concepts"))
        .header("Authorization", "Bearer " + system.token(TENANT, Role.DASHBOARD)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      return 0;
    }
    for (Object c : new JsonObject(response.body()).getJsonArray("concepts")) {
      JsonObject concept = (JsonObject) c;
      if (label.equals(concept.getString("label"))) {
        return concept.getLong("version");
      }
    }
    return 0;
  }

  /** Chooses the option of a select; the pages re-render their selects on concept events, so a stale one is retried. */
  void choose(String selectId, String value) {
    browser.await(QUICK, value + " chosen in #" + selectId, d -> {
      new Select(d.findElement(By.id(selectId))).selectByValue(value);
      return value.equals(d.findElement(By.id(selectId)).getDomProperty("value"));
    });
  }

  String status() {
    return page().findElement(By.id("status")).getText();
  }

  String attribute(String selector, String name) {
    return page().findElement(By.cssSelector(selector)).getDomAttribute(name);
  }

  /** @return pixels of the canvas that are not transparent and not near white: drawn ink or heatmap colour */
  long canvasInk(String selector) {
    Object count = browser.script("""
        const c = document.querySelector(arguments[0]);
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) {
          if (d[i + 3] > 0 && (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235)) n++;
        }
        return n;""", selector);
    return ((Number) count).longValue();
  }

  /** @return the element's box in CSS pixels of the viewport: [top, bottom, left, right] */
  List<Double> box(String selector) {
    List<?> box = (List<?>) browser.script("""
        const r = document.querySelector(arguments[0]).getBoundingClientRect();
        return [r.top, r.bottom, r.left, r.right];""", selector);
    return box.stream().map(v -> ((Number) v).doubleValue()).toList();
  }

  /** @return the viewport's height in CSS pixels */
  double viewportHeight() {
    return ((Number) browser.script("return window.innerHeight;")).doubleValue();
  }

  @Override
  public void close() throws Exception {
    try {
      browser.close();
    } finally {
      system.close();
    }
  }
}
