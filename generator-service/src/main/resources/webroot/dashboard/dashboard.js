// chargen dashboard: the generator service's API (generator-service/README.md). Concepts from GET /v1/concepts,
// kept current by {type:concept} stream events; requests by POST /v1/generations (always with states, for the
// heatmaps); results and the live feed from the /v1/stream WebSocket, with GET /v1/generations/{id} as a fallback
// and GET /v1/generations for what was generated before the page opened.
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
  /** Labels starting with @ are writers' hands (styles); @typical, the mean hand, is what no choice means. */
  const STYLE_PREFIX = '@';
  const TYPICAL = '@typical';
  /** DigiLeTs file ids name the training writers' hands: number, sex, age, handedness (data/README.md). */
  const DIGILETS_ID = /^(\d{3})-([fm])-(\d+)-(left|right)$/;

  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);

  // ---- where the services are: the one place that knows addresses (and, with issue 12, a token or tenant) ----
  const server = (() => {
    const api = params.get('api') || (location.protocol.startsWith('http') ? location.origin
      : 'http://localhost:8082');
    // ./chargen up serves the dashboard on 8082 and the pad on 8081; behind an Ingress both share one origin.
    const pad = params.get('pad') || (location.port === '8082' || !location.host
      ? `${location.protocol === 'https:' ? 'https' : 'http'}://${location.hostname || 'localhost'}:8081/pad/`
      : `${location.origin}/pad/`);
    return {
      api,
      stream: api.replace(/^http/, 'ws') + '/v1/stream',
      /** @return a WebSocket to /v1/stream */
      openStream: () => chargenAuth.webSocket(api.replace(/^http/, 'ws') + '/v1/stream'),
      /** @return the fetch of an API path; JSON bodies are posted */
      request: (path, body) => fetch(api + path, body === undefined ? { headers: chargenAuth.headers() }
        : { method: 'POST', headers: chargenAuth.headers({ 'content-type': 'application/json' }),
          body: JSON.stringify(body) }),
      /** @return the pad, ready to teach the letter */
      padFor: (letter) => `${pad}${pad.includes('?') ? '&' : '?'}letter=${encodeURIComponent(letter)}`,
    };
  })();

  const state = { concepts: new Map(), pending: new Map(), early: new Map(), retryMs: RETRY_FIRST_MS, shown: null,
    feedKeys: new Set() };

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
    return `Cannot reach the generator service at ${server.api} (${what}): start it with ./chargen up `
      + `(retrying in ${Math.round(state.retryMs / 1000)} s).`;
  }

  function connect() {
    setConnection('connecting', 'connecting…');
    const socket = server.openStream();
    socket.onopen = () => {
      state.retryMs = RETRY_FIRST_MS;
      setConnection('connected');
      showBanner('');
      loadConcepts(); // events may have been missed while disconnected
      loadRecent();
    };
    socket.onmessage = (event) => onEvent(JSON.parse(event.data));
    socket.onclose = () => {
      setConnection('disconnected');
      showBanner(unreachable(server.stream));
      setTimeout(connect, state.retryMs);
      state.retryMs = Math.min(RETRY_MAX_MS, state.retryMs * 2);
    };
  }

  async function loadConcepts() {
    let response;
    try {
      response = await server.request('/v1/concepts');
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
      state.concepts.set(c.label, { version: c.version, trained: c.trained });
    }
    renderConcepts();
  }

  /** Fills the live feed with what was generated before this page opened (without states: fetched on a tap). */
  async function loadRecent() {
    try {
      const response = await server.request(`/v1/generations?limit=${FEED_MAX}`);
      const body = await response.json();
      for (const t of (body.trajectories || []).reverse()) { // oldest first: each one goes on top
        addToFeed(t, false);
      }
    } catch (e) {
      // the feed fills from the stream; the banner already says when the service is unreachable
    }
    const newest = $('feed').querySelector('.cell');
    if (newest && !state.shown) {
      newest.click(); // something to look at at once, with its heatmaps
    }
    if (!$('feed').children.length) {
      $('feed').innerHTML = '<p class="empty">Nothing generated yet: regenerate a letter, ask for variants or a '
        + 'blend, and every dashboard shows it here.</p>';
    }
  }

  // ---- concepts --------------------------------------------------------------------------------------------
  /** @return learned (taught here), trained (the model was trained on it) or untaught (it would only scribble) */
  function conceptState(label) {
    const c = state.concepts.get(label);
    return !c ? 'untaught' : c.version > 0 ? 'learned' : c.trained ? 'trained' : 'untaught';
  }

  function letters() {
    return [...state.concepts.keys()].filter((l) => !l.startsWith(STYLE_PREFIX)).sort();
  }

  /** @return the letters the model can draw: every letter it was trained on or was taught */
  function drawable() {
    return letters().filter((l) => conceptState(l) !== 'untaught');
  }

  /** @return the letters to offer first: those taught here, then those the model was trained on */
  function preferred() {
    const all = drawable();
    return all.filter((l) => conceptState(l) === 'learned').concat(all.filter((l) => conceptState(l) === 'trained'));
  }

  function renderConcepts(fresh) {
    $('concepts').replaceChildren(...letters().map((label) => chip(label, label === fresh)));
    const choices = drawable(), first = preferred();
    document.querySelectorAll('select.concept-select').forEach((select, i) => fillSelect(select, choices, first[i]));
    for (const [id, i] of [['variant-concept', 0], ['grid-a', 0], ['grid-b', 1]]) {
      fillSelect($(id), choices, first[i]);
    }
    renderHands();
  }

  function chip(label, fresh) {
    const version = state.concepts.get(label).version;
    const kind = conceptState(label);
    const chip = document.createElement('button');
    chip.className = `concept ${kind}` + (fresh ? ' fresh' : '');
    chip.dataset.label = label;
    chip.dataset.version = String(version);
    chip.dataset.state = kind;
    chip.textContent = label;
    chip.title = { learned: `taught from one example, version ${version}`, trained: 'the model was trained on it',
      untaught: 'not taught yet: tap to teach it on the pad' }[kind];
    if (kind === 'learned') {
      const sup = document.createElement('sup');
      sup.textContent = 'v' + version;
      chip.append(sup);
    }
    chip.addEventListener('click', () => chooseLetter(label));
    return chip;
  }

  function chooseLetter(label) {
    const offer = $('concept-offer');
    if (conceptState(label) !== 'untaught') {
      offer.hidden = true;
      $('variant-concept').value = label;
      return;
    }
    offer.replaceChildren(`\u201c${label}\u201d is not taught yet: the model would only scribble it. `);
    const link = document.createElement('a');
    link.href = server.padFor(label);
    link.target = '_blank';
    link.textContent = `Teach \u201c${label}\u201d on the pad`;
    offer.append(link, ' from one example you write; it appears here a moment later.');
    offer.hidden = false;
  }

  /** Your hands (taught here) first by their names, then the training writers' by readable DigiLeTs facts. */
  function renderHands() {
    const hand = $('hand');
    const current = hand.value;
    const styles = [...state.concepts.keys()].filter((l) => l.startsWith(STYLE_PREFIX) && l !== TYPICAL).sort();
    const taught = styles.filter((s) => state.concepts.get(s).version > 0);
    const training = styles.filter((s) => state.concepts.get(s).version === 0);
    hand.replaceChildren(new Option('typical (default)', ''),
      group('Hands taught on the pad', taught, (s) => s.slice(STYLE_PREFIX.length)),
      group(`Training writers (DigiLeTs, ${training.length})`, training, writerName));
    hand.value = styles.includes(current) ? current : '';
    $('hand-row').hidden = styles.length === 0;
  }

  function group(label, styles, name) {
    const optgroup = document.createElement('optgroup');
    optgroup.label = label;
    optgroup.hidden = styles.length === 0;
    optgroup.append(...styles.map((s) => new Option(name(s), s)));
    return optgroup;
  }

  function writerName(style) {
    const id = style.slice(STYLE_PREFIX.length);
    const m = DIGILETS_ID.exec(id);
    return m ? `writer ${m[1]} (${m[2]}, ${m[3]}, ${m[4]}-handed)` : id;
  }

  function handName(style) {
    return state.concepts.get(style)?.version > 0 ? style.slice(STYLE_PREFIX.length) : writerName(style);
  }

  function fillSelect(select, labels, fallback) {
    const current = select.value || select.dataset.initial || fallback;
    delete select.dataset.initial;
    select.replaceChildren(...labels.map((l) => new Option(l, l)));
    select.value = labels.includes(current) ? current : labels[0];
  }

  // ---- captions --------------------------------------------------------------------------------------------
  /** @return the letters of a mix in words: "n", or "a 44% + n 56%" */
  function letterMix(mix) {
    const entries = Object.entries(mix || {}).filter(([l]) => !l.startsWith(STYLE_PREFIX));
    return entries.length === 1 ? entries[0][0]
      : entries.map(([l, w]) => `${l} ${Math.round(100 * w)}%`).join(' + ');
  }

  function handOf(mix) {
    const style = Object.keys(mix || {}).find((l) => l.startsWith(STYLE_PREFIX) && l !== TYPICAL);
    return style ? handName(style) : null;
  }

  /** The whole story of one trajectory: letters, hand, noise and seed (variants only), steps. */
  function describe(t) {
    const hand = handOf(t.mix);
    return [letterMix(t.mix) + (hand ? ` in ${hand}'s hand` : ''),
      t.noise > 0 ? `noise ${Number(t.noise).toFixed(3)}, seed ${t.seed}` : 'no noise',
      `${t.points.length} steps`].join(' · ');
  }

  /** Short enough for a feed cell (two lines at most); the full story is its tooltip. */
  function feedCaption(t) {
    const style = Object.keys(t.mix || {}).find((l) => l.startsWith(STYLE_PREFIX) && l !== TYPICAL);
    const hand = !style ? '' : state.concepts.get(style)?.version > 0 ? style.slice(STYLE_PREFIX.length)
      : `writer ${(DIGILETS_ID.exec(style.slice(STYLE_PREFIX.length)) || [])[1] || style.slice(STYLE_PREFIX.length)}`;
    return letterMix(t.mix) + (hand ? ` (${hand})` : '') + (t.noise > 0 ? ` \u00b7 seed ${t.seed}` : '');
  }

  // ---- stream events ---------------------------------------------------------------------------------------
  function onEvent(event) {
    if (event.type === 'concept') {
      const known = state.concepts.get(event.label);
      state.concepts.set(event.label, { version: event.version, trained: known ? known.trained : false });
      renderConcepts(event.label);
      if (conceptState($('variant-concept').value) !== 'untaught') {
        $('concept-offer').hidden = true;
      }
    } else if (event.type === 'trajectory') {
      addToFeed(event, true);
      deliver(event.id, event);
    }
  }

  function addToFeed(t, animated) {
    const key = `${t.id}/${t.variant}`;
    if (state.feedKeys.has(key)) {
      return; // already there: from GET /v1/generations and the stream both
    }
    state.feedKeys.add(key);
    const feed = $('feed');
    feed.querySelector('.empty')?.remove();
    const cell = letterCell(t, feedCaption(t), () => show(t, cell));
    cell.title = describe(t);
    feed.prepend(cell);
    while (feed.children.length > FEED_MAX) {
      state.feedKeys.delete(feed.lastChild.dataset.key);
      feed.lastChild.remove();
    }
    cell.dataset.key = key;
    animate(cell.querySelector('canvas'), t.points, animated);
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
        response = await server.request('/v1/generations', r.body);
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
    const cell = letterCell(t, pending.labels(t.variant), () => show(t, cell));
    cell.title = describe(t);
    cell.dataset.index = old.dataset.index;
    old.replaceWith(cell);
    pending.cells[t.variant] = cell;
    animate(cell.querySelector('canvas'), t.points, true);
    if (cell.dataset.index === '0') {
      show(t, cell);
      revealShown();
    }
  }

  async function fallback(id) {
    const pending = state.pending.get(id);
    if (!pending || pending.got.size === pending.cells.length) {
      return;
    }
    try {
      const body = await (await server.request('/v1/generations/' + id)).json();
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
    const letter = $('variant-concept').value;
    if (!letter) {
      return requestError('Nothing to draw yet: teach a letter on the pad first.');
    }
    const count = Math.max(1, Math.min(12, Number($('count').value) || 1));
    const seed = Number($('seed').value) || 0;
    const hand = $('hand').value ? ` in ${handName($('hand').value)}'s hand` : '';
    const what = noise > 0 ? `${count} variants of \u201c${letter}\u201d${hand}, noise SD ${noise.toFixed(3)}`
      : `\u201c${letter}\u201d${hand} regenerated (no noise)`;
    run(what, [{ body: spec({ [letter]: 1 }, noise > 0 ? count : 1, noise),
      label: (v) => noise > 0 ? `seed ${seed + v}` : letter }]);
  }

  function blendRequest() {
    const mix = {};
    for (const row of document.querySelectorAll('.blend-row')) {
      const label = row.querySelector('select').value;
      mix[label] = (mix[label] || 0) + Math.max(0, Number(row.querySelector('input').value) || 0);
    }
    const total = Object.values(mix).reduce((a, b) => a + b, 0);
    if (total <= 0) {
      return requestError('Give at least one letter a weight above 0.');
    }
    for (const label of Object.keys(mix)) {
      mix[label] = mix[label] / total; // the API wants weights summing to 1
    }
    const noise = Number($('noise').value);
    run(`blend ${letterMix(mix)}`, [{ body: spec(mix, 1, noise), label: () => letterMix(mix) }]);
  }

  function gridRequest() {
    const a = $('grid-a').value, b = $('grid-b').value;
    if (a === b) {
      return requestError('Pick two different letters for the blend grid.');
    }
    const requests = [];
    for (let i = 0; i < GRID_STEPS; i++) {
      const wb = Math.round(1000 * i / (GRID_STEPS - 1)) / 1000;
      const mix = wb === 0 ? { [a]: 1 } : wb === 1 ? { [b]: 1 } : { [a]: 1 - wb, [b]: wb };
      requests.push({ body: spec(mix, 1, 0), label: () => letterMix(mix) });
    }
    run(`blend grid from \u201c${a}\u201d to \u201c${b}\u201d in ${GRID_STEPS} steps`, requests);
  }

  function addBlendRow(label, weight) {
    const row = document.createElement('div');
    row.className = 'blend-row';
    const select = document.createElement('select');
    select.className = 'concept-select';
    if (label) {
      select.dataset.initial = label;
    }
    select.setAttribute('aria-label', 'letter');
    const input = document.createElement('input');
    input.type = 'number';
    input.min = '0';
    input.step = '0.1';
    input.value = String(weight);
    input.setAttribute('aria-label', 'weight');
    const remove = document.createElement('button');
    remove.className = 'remove';
    remove.textContent = '×';
    remove.title = 'Remove this letter';
    remove.addEventListener('click', () => row.remove());
    row.append(select, input, remove);
    $('blend-rows').append(row);
    fillSelect(select, drawable(), label || preferred()[0]);
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

  /** Draws the letter stroke by stroke over ANIMATION_MS as the pen would (or at once); marks the canvas when done. */
  function animate(canvas, points, animated) {
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
      const share = animated ? Math.min(1, (now - start) / ANIMATION_MS) : 1;
      drawLetter(canvas, pts, Math.ceil(share * pts.length));
      if (share < 1) {
        requestAnimationFrame(frame);
      } else {
        canvas.dataset.drawn = 'true';
      }
    };
    requestAnimationFrame(frame);
  }

  /** Shows the trajectory big, with its heatmaps, and marks the cell it came from. */
  function show(t, cell) {
    state.shown = t;
    $('shown-caption').textContent = describe(t);
    for (const selected of document.querySelectorAll('.cell.selected')) {
      selected.classList.remove('selected');
    }
    cell?.classList.add('selected');
    const shown = $('shown');
    fitCanvas(shown);
    animate(shown, t.points, true);
    if (t.cell) {
      heatmap($('heat-c'), t.cell);
      heatmap($('heat-h'), t.hidden);
    } else {
      loadStates(t); // a feed entry from before the page opened comes without states
    }
  }

  async function loadStates(t) {
    heatmap($('heat-c'), null);
    heatmap($('heat-h'), null);
    try {
      const body = await (await server.request('/v1/generations/' + t.id)).json();
      const full = (body.trajectories || []).find((v) => v.variant === t.variant);
      if (full && full.cell && state.shown === t) {
        heatmap($('heat-c'), full.cell);
        heatmap($('heat-h'), full.hidden);
      }
    } catch (e) {
      // no states to show: the heatmaps stay empty
    }
  }

  /** On a phone the shown letter sits above the controls: bring it into view when a request's first letter comes. */
  function revealShown() {
    const rect = $('shown').getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > window.innerHeight) {
      $('shown').closest('.panel').scrollIntoView({ block: 'start', behavior: 'smooth' });
    }
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
  $('blend-add').addEventListener('click', () => addBlendRow(null, 0.5));
  $('grid').addEventListener('click', gridRequest);
  $('results').innerHTML = '<p class="empty">Regenerate a letter, ask for variants or a blend.</p>';
  addBlendRow(null, 0.5);
  addBlendRow(null, 0.5);
  window.addEventListener('resize', () => {
    if (state.shown) { // redraw at once, not animated: the letter should not vanish when a phone turns
      const shown = $('shown');
      shown.animation = null;
      fitCanvas(shown);
      drawLetter(shown, positions(state.shown.points), Infinity);
      shown.dataset.drawn = 'true';
    }
  });
  if (chargenAuth.mount($('auth'), 'dashboard')) {
    loadConcepts();
    connect();
  } else {
    setConnection('disconnected', 'no token');
    showBanner('No token: this dashboard cannot show or request generations until you give it one (above).');
  }
})();
