package io.chargen.launcher;

import io.chargen.launcher.LocalSystem.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hostile HTTP probes of issue 11, each returning what was injected, what the system answered and whether that
 * is what it promises: work it cannot do is refused with a 4xx naming the problem, memory stays bounded, nothing
 * lingers on disk.
 */
final class ChaosProbes {
  private final LocalSystem system;
  private final ChaosHttp http;

  ChaosProbes(LocalSystem system) {
    this.system = system;
    this.http = new ChaosHttp(system.clientToken());
  }

  /** 202 only for work that can succeed: inputs downstream services would reject are refused at the door. */
  Map<String, Object> unprocessableInput() {
    String capture = system.url(Service.CAPTURE);
    String generator = system.url(Service.GENERATOR);
    Map<String, Integer> statuses = new LinkedHashMap<>();
    statuses.put("1-point query", http.post(capture + "/v1/queries", "application/json",
        "{\"points\":[{\"x\":0.1,\"y\":0.1,\"pressure\":0.5,\"down\":true,\"t\":0}]}").status());
    statuses.put("x = 1e308 example", http.post(capture + "/v1/examples", "application/json",
        "{\"label\":\"q\",\"points\":[{\"x\":1e308,\"y\":0.1,\"pressure\":0.5,\"down\":true,\"t\":0},"
            + "{\"x\":0.2,\"y\":0.1,\"pressure\":0.5,\"down\":false,\"t\":0.01}]}").status());
    statuses.put("noise 1e308", http.post(generator + "/v1/generations", "application/json",
        "{\"mix\":{\"a\":1},\"noise\":1e308}").status());
    statuses.put("states with 2000 steps", http.post(generator + "/v1/generations", "application/json",
        "{\"mix\":{\"a\":1},\"steps\":2000,\"states\":true}").status());
    String multipart = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.bin\"\r\n\r\n"
        + "x".repeat(1_000_000) + "\r\n--b--\r\n";
    statuses.put("multipart upload", http.post(capture + "/v1/queries", "multipart/form-data; boundary=b",
        multipart).status());
    boolean uploads = java.nio.file.Files.exists(java.nio.file.Path.of("file-uploads"));
    boolean passed = statuses.values().stream().allMatch(s -> s >= 400 && s < 500) && !uploads;
    return result("unprocessable input", "five requests capture or the generator used to accept (202) or leave "
        + "files for", Map.of("statuses", statuses, "file_uploads_directory_exists", uploads), passed);
  }

  /** The 18 huge generations that filled 1 GB: refused by the budget; the largest allowed ones are served. */
  Map<String, Object> heavyGenerations() throws InterruptedException {
    String generator = system.url(Service.GENERATOR);
    long before = ChaosHeap.usedAfterGcMb();
    List<Integer> refused = new ArrayList<>();
    for (int i = 0; i < 18; i++) {
      refused.add(http.post(generator + "/v1/generations", "application/json",
          "{\"mix\":{\"a\":1},\"variants\":50,\"steps\":1000,\"states\":true}").status());
    }
    List<String> ids = new ArrayList<>();
    int[] statuses = new int[18];
    for (int i = 0; i < 18; i++) {
      ChaosHttp.Answer a = http.post(generator + "/v1/generations", "application/json",
          "{\"mix\":{\"a\":1},\"variants\":50,\"steps\":2000,\"seed\":" + i + "}");
      statuses[i] = a.status();
      if (a.status() == 202) {
        ids.add(new io.vertx.core.json.JsonObject(a.body()).getString("id"));
      }
    }
    long largestBody = 0;
    int done = 0;
    for (String id : ids) {
      ChaosHttp.Answer a = waitDone(generator + "/v1/generations/" + id);
      largestBody = Math.max(largestBody, a.body().length());
      done += a.body().contains("\"status\":\"done\"") ? 1 : 0;
    }
    long after = ChaosHeap.usedAfterGcMb();
    boolean passed = refused.stream().allMatch(s -> s == 400) && done == ids.size();
    Map<String, Object> observed = new LinkedHashMap<>();
    observed.put("refused_statuses", refused.stream().distinct().toList());
    observed.put("largest_allowed_accepted", ids.size());
    observed.put("largest_allowed_done", done);
    observed.put("largest_get_body_bytes", largestBody);
    observed.put("heap_after_gc_mb_before_after", List.of(before, after));
    return result("heavy generations", "18 x {variants 50, steps 1000, states}, then 18 x the largest request the "
        + "budget allows (50 x 2000 steps)", observed, passed);
  }

  private ChaosHttp.Answer waitDone(String url) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    ChaosHttp.Answer a = http.get(url);
    while (System.nanoTime() < deadline && a.body().contains("\"status\":\"pending\"")) {
      Thread.sleep(200);
      a = http.get(url);
    }
    return a;
  }

  static Map<String, Object> result(String name, String injected, Object observed, boolean passed) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("scenario", name);
    r.put("injected", injected);
    r.put("observed", observed);
    r.put("passed", passed);
    return r;
  }
}
