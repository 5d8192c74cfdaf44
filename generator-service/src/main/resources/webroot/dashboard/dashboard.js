// chargen dashboard: the generator service's API (generator-service/README.md). Concepts from GET /v1/concepts,
// kept current by {type:concept} stream events; requests by POST /v1/generations (always with states, for the
// heatmaps); results and the live feed from the /v1/stream WebSocket, with GET /v1/generations/{id} as a fallback.
// Generated points are (dx, dy, pressure, stroke) in the network's space: positions are running sums of dx, dy,
// a new stroke starts where stroke > 0.5 (Fabi et al. 2020, Sec. 2). y grows upwards, as in the DigiLeTs
// recordings the model learned from (drawn downwards, their 'd' reads as a 'q'), so it is flipped for the screen.
(() => {
  'use strict';
  const STROKE_ONSET = 0.5;
  /** The paper's blend grid: ten blends from concept A (weight 1) to concept B (weight 1) in equal steps. */
  const GRID_STEPS = 10;
  const RETRY_FIRST_MS = 1000, RETRY_MAX_MS = 10000;
  /** Wait this long for stream events before asking GET /v1/generations/{id} (stream down, or frames dropped). */
  const FALLBACK_MS = 3000;
  const FEED_MAX = 30;
  const ANIMATION_MS = 1200;
  /** Steps when the field is empty: the median DigiLeTs letter has 26 points, so 25 steps (measured on 2,600). */
  const STYLE_PREFIX = '@';
  const TYPICAL = '@typical';

  const params = new URLSearchParams(location.search);
  const api = params.get('api') || (location.protocol.startsWith('http') ? location.origin : 'http://localhost:8082');
  const wsUrl = api.replace(/^http/, 'ws') + '/v1/stream';
  const $ = (id) => document.getElementById(id);
  const state = { concepts: new Map(), pending: new Map(), early: new Map(), retryMs: RETRY_FIRST_MS, shown: null,
    conceptsLoaded: false };

  // ---- connection and banner -------------------------------------------------------------------------------
  function setConnection(kind, text) {
    const badge = $('connection');
    badge.className = 'badge ' + kind;
    badge.dataset.state = kind;
    badge.textContent = text || kind;
  }

  function showBanner(text, info) {
    const banner = $('banner');
    banner.hidden = !text;
    banner.className = 'banner' + (info ? ' info' : '');
    banner.textContent = text || '';
  }

  function unreachable(what) {
    return `Cannot reach the generator service at ${api} (${what}): start it with ./chargen up `
      + `(retrying in ${Math.round(state.retryMs / 1000)} s).`;
  }

  function connect() {
    setConnection('connecting', 'connecting…');
    const socket = new WebSocket(wsUrl);
    socket.onopen = () => {
      state.retryMs = RETRY_FIRST_MS;
      setConnection('connected');
      showBanner('');
      loadConcepts(); // events may have been missed while disconnected
    };
    socket.onmessage = (event) => onEvent(JSON.parse(event.data));
    socket.onclose = () => {
      setConnection('disconnected');
      showBanner(unreachable(wsUrl));
      setTimeout(connect, state.retryMs);
      state.retryMs = Math.min(RETRY_MAX_MS, state.retryMs * 2);
    };
  }

  async function loadConcepts() {
    let response;
    try {
      response = await fetch(api + '/v1/concepts');
    } catch (e) {
      showBanner(unreachable('GET /v1/concepts: ' + e.message));
      return;
    }
    if (response.status === 503) {
      showBanner('The generator service is still reading the learned concepts; trying again in 1 s.', true);
      setTimeout(loadConcepts, RETRY_FIRST_MS);
      return;
    }
    const body = await response.json();
    if (!response.ok) {
      showBanner('GET /v1/concepts failed: ' + (body.error || response.status));
      return;
    }
    $('model-id').textContent = body.model_id ? `model ${String(body.model_id).slice(0, 12)}` : '';
    for (const c of body.concepts) {
      state.concepts.set(c.label, c.version);
    }
    state.conceptsLoaded = true;
    renderConcepts();
  }

  // ---- concepts --------------------------------------------------------------------------------------------
  /** Letters are concepts; labels starting with @ are writers' hands (styles), chosen in the Hand select. */
  function letters() {
    return [...state.concepts.keys()].filter((l) => !l.startsWith(STYLE_PREFIX)).sort();
  }

  function hands() {
    return [...state.concepts.keys()].filter((l) => l.startsWith(STYLE_PREFIX)).sort();
  }

  function renderConcepts(fresh) {
    const labels = letters();
    $('concepts').replaceChildren(...labels.map((label) => {
      const version = state.concepts.get(label);
      const chip = document.createElement('button');
      chip.className = 'concept' + (version > 0 ? ' learned' : '') + (label === fresh ? ' fresh' : '');
      chip.dataset.label = label;
      chip.dataset.version = String(version);
      chip.textContent = label;
      if (version > 0) {
        const sup = document.createElement('sup');
        sup.textContent = 'v' + version;
        chip.append(sup);
        chip.title = `learned from one example, version ${version}`;
      }
      chip.addEventListener('click', () => { $('variant-concept').value = label; });
      return chip;
    }));
    for (const select of document.querySelectorAll('select.concept-select')) {
      fillSelect(select, labels);
    }
    for (const [id, fallback] of [['variant-concept', 'n'], ['grid-a', 'n'], ['grid-b', 'o']]) {
      fillSelect($(id), labels, fallback);
    }
    const hand = $('hand');
    const current = hand.value;
    hand.replaceChildren(new Option('typical (default)', ''), ...hands().filter((h) => h !== TYPICAL)
      .map((h) => new Option(h.slice(STYLE_PREFIX.length), h)));
    hand.value = hands().includes(current) ? current : '';
    $('hand-row').hidden = hands().length === 0;
  }

  function fillSelect(select, labels, fallback) {
    const current = select.value || select.dataset.initial || fallback;
    select.replaceChildren(...labels.map((l) => new Option(l, l)));
    select.value = labels.includes(current) ? current : labels[0];
  }

  // ---- stream events ---------------------------------------------------------------------------------------
  function onEvent(event) {
    if (event.type === 'concept') {
      state.concepts.set(event.label, event.version);
      renderConcepts(event.label);
    } else if (event.type === 'trajectory') {
      addToFeed(event);
      deliver(event.id, event);
    }
  }

  function addToFeed(t) {
    const feed = $('feed');
    feed.querySelector('.empty')?.remove();
    const cell = letterCell(t, mixCaption(t.mix), () => show(t, mixCaption(t.mix)));
    feed.prepend(cell);
    while (feed.children.length > FEED_MAX) {
      feed.lastChild.remove();
    }
    animate(cell.querySelector('canvas'), t.points);
  }

  function mixCaption(mix) {
    const entries = Object.entries(mix || {}).filter(([l]) => !l.startsWith(STYLE_PREFIX));
    return entries.length === 1 ? entries[0][0]
      : entries.map(([l, w]) => `${l} ${Number(w).toFixed(2)}`).join(' + ');
  }

  // ---- requests --------------------------------------------------------------------------------------------
  /** Without a step count the service draws each letter for its natural length; a chosen hand joins the mix. */
  function spec(mix, variants, noise) {
    const body = { mix: withHand(mix), variants, noise, seed: Number($('seed').value) || 0, states: true };
    const steps = Number($('steps').value);
    if (steps > 0) {
      body.steps = steps;
    }
    return body;
  }

  function withHand(mix) {
    const hand = $('hand').value;
    return hand ? { ...mix, [hand]: 1 } : mix;
  }

  /** Posts the requests of one dashboard action; their trajectories fill the "Your request" grid in order. */
  async function run(caption, requests) {
    const results = $('results');
    results.replaceChildren();
    $('request-caption').textContent = caption;
    $('request-caption').className = '';
    let index = 0;
    for (const r of requests) {
      const cells = [];
      for (let v = 0; v < r.body.variants; v++) {
        const cell = letterCell(null, r.label(v), null);
        cell.dataset.index = String(index++);
        results.append(cell);
        cells.push(cell);
      }
      let response, body;
      try {
        response = await fetch(api + '/v1/generations', { method: 'POST', headers: { 'content-type':
          'application/json' }, body: JSON.stringify(r.body) });
        body = await response.json();
      } catch (e) {
        return requestError(unreachable('POST /v1/generations: ' + e.message));
      }
      if (response.status !== 202) {
        return requestError(`The generator refused the request: ${body.error || response.status}`);
      }
      state.pending.set(body.id, { cells, labels: r.label, got: new Set() });
      for (const t of state.early.get(body.id) || []) {
        deliver(body.id, t);
      }
      setTimeout(() => fallback(body.id), FALLBACK_MS);
    }
  }

  function requestError(text) {
    const caption = $('request-caption');
    caption.textContent = text;
    caption.className = 'error';
  }

  /** A trajectory for one of our requests (or not yet known to be ours: kept a moment in case it is). */
  function deliver(id, t) {
    const pending = state.pending.get(id);
    if (!pending) {
      const early = state.early.get(id) || [];
      early.push(t);
      state.early.set(id, early);
      setTimeout(() => state.early.delete(id), FALLBACK_MS * 10);
      return;
    }
    if (pending.got.has(t.variant)) {
      return; // a redelivered request produces the same trajectory again
    }
    pending.got.add(t.variant);
    const old = pending.cells[t.variant];
    const caption = pending.labels(t.variant);
    const cell = letterCell(t, caption, () => show(t, caption));
    cell.dataset.index = old.dataset.index;
    old.replaceWith(cell);
    pending.cells[t.variant] = cell;
    animate(cell.querySelector('canvas'), t.points);
    if (cell.dataset.index === '0') {
      show(t, caption);
    }
  }

  async function fallback(id) {
    const pending = state.pending.get(id);
    if (!pending || pending.got.size === pending.cells.length) {
      return;
    }
    try {
      const response = await fetch(api + '/v1/generations/' + id);
      const body = await response.json();
      if (body.status === 'failed') {
        return requestError('Generation failed: ' + body.error);
      }
      for (const t of body.trajectories || []) {
        deliver(id, t);
      }
      if (body.status !== 'done') {
        setTimeout(() => fallback(id), FALLBACK_MS);
      }
    } catch (e) {
      requestError(unreachable('GET /v1/generations: ' + e.message));
    }
  }

  function variantsRequest(noise) {
    const concept = $('variant-concept').value;
    const count = Math.max(1, Math.min(12, Number($('count').value) || 1));
    const seed = Number($('seed').value) || 0;
    const what = noise > 0 ? `${count} variants of “${concept}”, noise SD ${noise.toFixed(3)}`
      : `“${concept}” regenerated (no noise)`;
    run(what, [{ body: spec({ [concept]: 1 }, noise > 0 ? count : 1, noise), label: (v) => `seed ${seed + v}` }]);
  }

  function blendRequest() {
    const mix = {};
    for (const row of document.querySelectorAll('.blend-row')) {
      const label = row.querySelector('select').value;
      mix[label] = (mix[label] || 0) + Math.max(0, Number(row.querySelector('input').value) || 0);
    }
    const total = Object.values(mix).reduce((a, b) => a + b, 0);
    if (total <= 0) {
      return requestError('Give at least one concept a weight above 0.');
    }
    for (const label of Object.keys(mix)) {
      mix[label] = mix[label] / total; // the API wants weights summing to 1
    }
    const noise = Number($('noise').value);
    run(`blend ${mixCaption(mix)}`, [{ body: spec(mix, 1, noise), label: () => mixCaption(mix) }]);
  }

  function gridRequest() {
    const a = $('grid-a').value, b = $('grid-b').value;
    if (a === b) {
      return requestError('Pick two different concepts for the blend grid.');
    }
    const requests = [];
    for (let i = 0; i < GRID_STEPS; i++) {
      const wb = Math.round(1000 * i / (GRID_STEPS - 1)) / 1000;
      const mix = wb === 0 ? { [a]: 1 } : wb === 1 ? { [b]: 1 } : { [a]: 1 - wb, [b]: wb };
      requests.push({ body: spec(mix, 1, 0), label: () => `${a}→${b} ${wb.toFixed(2)}` });
    }
    run(`blend grid from “${a}” to “${b}” in ${GRID_STEPS} steps`, requests);
  }

  function addBlendRow(label, weight) {
    const row = document.createElement('div');
    row.className = 'blend-row';
    const select = document.createElement('select');
    select.className = 'concept-select';
    select.dataset.initial = label;
    const input = document.createElement('input');
    input.type = 'number';
    input.min = '0';
    input.step = '0.1';
    input.value = String(weight);
    input.setAttribute('aria-label', 'weight');
    const remove = document.createElement('button');
    remove.className = 'remove';
    remove.textContent = '×';
    remove.title = 'Remove this concept';
    remove.addEventListener('click', () => row.remove());
    row.append(select, input, remove);
    $('blend-rows').append(row);
    fillSelect(select, letters(), label);
  }

  // ---- drawing ---------------------------------------------------------------------------------------------
  function letterCell(t, caption, onClick) {
    const figure = document.createElement('figure');
    figure.className = 'cell';
    const canvas = document.createElement('canvas');
    canvas.className = 'letter';
    const figcaption = document.createElement('figcaption');
    figcaption.textContent = t ? caption : caption + ' …';
    figure.append(canvas, figcaption);
    if (onClick) {
      figure.addEventListener('click', onClick);
    }
    return figure;
  }

  /** Pen positions: running sums of dx, dy, with stroke onsets and pressures. */
  function positions(points) {
    let x = 0, y = 0;
    return points.map(([dx, dy, pressure, stroke], i) => {
      x += dx;
      y += dy;
      return { x, y, pressure, onset: i === 0 || stroke > STROKE_ONSET };
    });
  }

  function fitCanvas(canvas) {
    const rect = canvas.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(rect.width * ratio));
    canvas.height = Math.max(1, Math.round(rect.height * ratio));
  }

  /** Draws the first `count` segments, scaled to fit with a margin; line width follows pressure. */
  function drawLetter(canvas, pts, count) {
    const g = canvas.getContext('2d');
    g.clearRect(0, 0, canvas.width, canvas.height);
    const xs = pts.map((p) => p.x), ys = pts.map((p) => p.y);
    const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
    const margin = 0.12;
    const scale = Math.min(canvas.width * (1 - 2 * margin) / Math.max(maxX - minX, 1e-6),
      canvas.height * (1 - 2 * margin) / Math.max(maxY - minY, 1e-6));
    const ox = canvas.width / 2 - scale * (minX + maxX) / 2, oy = canvas.height / 2 + scale * (minY + maxY) / 2;
    const full = Math.max(1.5, Math.min(canvas.width, canvas.height) * 0.035);
    g.strokeStyle = '#1b2430';
    g.lineCap = 'round';
    for (let i = 1; i < Math.min(count, pts.length); i++) {
      if (pts[i].onset) {
        continue; // the pen is lifted before a stroke's first point
      }
      const p = Math.min(1, Math.max(0, (pts[i - 1].pressure + pts[i].pressure) / 2));
      g.lineWidth = full * (0.25 + 0.75 * p);
      g.beginPath();
      g.moveTo(ox + scale * pts[i - 1].x, oy - scale * pts[i - 1].y);
      g.lineTo(ox + scale * pts[i].x, oy - scale * pts[i].y);
      g.stroke();
    }
  }

  /** Draws the letter stroke by stroke over ANIMATION_MS, as the pen would; marks the canvas when done. */
  function animate(canvas, points) {
    const pts = positions(points);
    const token = {};
    canvas.animation = token;
    canvas.dataset.drawn = 'false';
    canvas.dataset.points = String(pts.length);
    const start = performance.now();
    let fitted = false;
    const frame = (now) => {
      if (canvas.animation !== token) {
        return; // a newer letter took this canvas
      }
      if (!fitted) {
        fitCanvas(canvas); // on the first frame: the canvas is laid out by then
        fitted = true;
      }
      const share = Math.min(1, (now - start) / ANIMATION_MS);
      drawLetter(canvas, pts, Math.ceil(share * pts.length));
      if (share < 1) {
        requestAnimationFrame(frame);
      } else {
        canvas.dataset.drawn = 'true';
      }
    };
    requestAnimationFrame(frame);
  }

  function show(t, caption) {
    state.shown = t;
    $('shown-caption').textContent = `${caption}, seed ${t.seed}, ${t.points.length} steps`;
    for (const cell of document.querySelectorAll('.cell.selected')) {
      cell.classList.remove('selected');
    }
    const shown = $('shown');
    fitCanvas(shown);
    animate(shown, t.points);
    heatmap($('heat-c'), t.cell);
    heatmap($('heat-h'), t.hidden);
  }

  /** Figs. 6-7 of the paper: time on x, one row per LSTM unit, diverging colours symmetric around 0. */
  function heatmap(canvas, rows) {
    if (!rows || !rows.length) {
      canvas.width = 1;
      canvas.height = 1;
      canvas.dataset.drawn = 'false';
      return;
    }
    const steps = rows.length, units = rows[0].length;
    canvas.width = steps;
    canvas.height = units;
    const g = canvas.getContext('2d');
    const image = g.createImageData(steps, units);
    let max = 1e-9;
    for (const row of rows) {
      for (const v of row) {
        max = Math.max(max, Math.abs(v));
      }
    }
    for (let t = 0; t < steps; t++) {
      for (let u = 0; u < units; u++) {
        const [r, gr, b] = diverging(rows[t][u] / max);
        const at = 4 * (u * steps + t);
        image.data.set([r, gr, b, 255], at);
      }
    }
    g.putImageData(image, 0, 0);
    canvas.dataset.drawn = 'true';
    canvas.title = `max |value| ${max.toFixed(3)}`;
  }

  /** -1 → blue (#2166ac), 0 → near white (#f7f7f7), +1 → red (#b2182b), as ColorBrewer's RdBu. */
  function diverging(v) {
    const s = Math.max(-1, Math.min(1, v));
    const end = s < 0 ? [33, 102, 172] : [178, 24, 43];
    const a = Math.abs(s);
    return [0, 1, 2].map((i) => Math.round(247 + (end[i] - 247) * a));
  }

  // ---- wiring ----------------------------------------------------------------------------------------------
  $('noise').addEventListener('input', () => { $('noise-value').textContent = Number($('noise').value).toFixed(3); });
  $('regenerate').addEventListener('click', () => variantsRequest(0));
  $('variants').addEventListener('click', () => variantsRequest(Number($('noise').value)));
  $('blend').addEventListener('click', blendRequest);
  $('blend-add').addEventListener('click', () => addBlendRow('a', 0.5));
  $('grid').addEventListener('click', gridRequest);
  $('feed').innerHTML = '<p class="empty">Waiting for trajectories…</p>';
  $('results').innerHTML = '<p class="empty">Regenerate, ask for variants or a blend.</p>';
  addBlendRow('n', 0.5);
  addBlendRow('o', 0.5);
  window.addEventListener('resize', () => {
    if (state.shown) { // redraw at once, not animated: the letter should not vanish when a phone turns
      const shown = $('shown');
      shown.animation = null;
      fitCanvas(shown);
      drawLetter(shown, positions(state.shown.points), Infinity);
      shown.dataset.drawn = 'true';
    }
  });
  loadConcepts();
  connect();
})();
