// chargen pad: pointer strokes streamed to the capture service's /v1/pen WebSocket (capture-service/README.md).
// Points are raw: x, y in units of the pad's side (about 0..1), pressure 0..1, down=true on a stroke's first point,
// t seconds from the letter's first point. The server applies the paper's transform. y grows UPWARDS, as in the
// DigiLeTs recordings the model learned from (their 'd' has its stem rising on the right when y is drawn upwards,
// and reads as a 'q' when drawn downwards), so a letter written here is the letter the model knows.
// Which letters the model was trained on, and what is learned, comes from the generator's GET /v1/concepts, so the
// pad can say before Teach whether it teaches a letter or the writer's hand, and after it what was learned.
(() => {
  'use strict';
  /** Pressure sent for mouse and touch, which report none (0.5 is what browsers report for a pressed mouse). */
  const DEFAULT_PRESSURE = 0.5;
  /** Reconnect back-off: first wait and ceiling, in ms. */
  const RETRY_FIRST_MS = 1000, RETRY_MAX_MS = 10000;
  /** Points per WebSocket message: far below the server's 256 KiB frame limit. */
  const CHUNK = 200;
  /** How often and how long the pad looks for the concept a Teach produced (one-shot learning takes < 1 s). */
  const LEARNED_POLL_MS = 400, LEARNED_WAIT_MS = 20000;
  /** A writer's hand is the concept @<name> (the model's styles, issue 7). */
  const STYLE_PREFIX = '@';
  /** Runners-up named in words under the answer. */
  const RUNNERS_UP = 2;

  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);

  // ---- where the services are: the one place that knows addresses (and, with issue 12, a token or tenant) ----
  const server = (() => {
    const capture = params.get('api') || (location.protocol.startsWith('http') ? location.origin
      : 'http://localhost:8081');
    // ./chargen up serves the pad on 8081 and the dashboard on 8082; behind an Ingress both share one origin.
    const dashboard = params.get('dashboard') || (location.port === '8081' || !location.host
      ? `${location.protocol === 'https:' ? 'https' : 'http'}://${location.hostname || 'localhost'}:8082/dashboard/`
      : `${location.origin}/dashboard/`);
    const generator = new URL(dashboard, location.href).origin;
    return {
      penSocket: capture.replace(/^http/, 'ws') + '/v1/pen',
      dashboard,
      /** @return a WebSocket to /v1/pen */
      openPen: () => chargenAuth.webSocket(capture.replace(/^http/, 'ws') + '/v1/pen'),
      /** @return the generator's concept list, or null if it cannot be had (the pad works without it) */
      concepts: async () => {
        try {
          const response = await fetch(generator + '/v1/concepts', { headers: chargenAuth.headers() });
          return response.ok ? (await response.json()).concepts : null;
        } catch (e) {
          return null;
        }
      },
    };
  })();

  const canvas = $('canvas'), ctx = canvas.getContext('2d');
  const state = {
    mode: 'teach', teach: 'letter', strokes: [], current: null, t0: null, socket: null, synced: false,
    retryMs: RETRY_FIRST_MS, device: navigator.userAgent.slice(0, 64),
    /** An 'end' is on its way: Send stays disabled until the reply. */
    sending: false,
    /** What the letter on the pad was sent as (mode, letter, name), null if not sent; the next stroke starts anew. */
    sentAs: null,
    finished: false,
    /** The generator's concepts by label ({version, trained, kind}); null while unknown. */
    concepts: null,
    /** Whether the model has writers' hands (styles) to teach; assumed until the concepts say otherwise. */
    hands: true,
  };

  // ---- connection ------------------------------------------------------------------------------------------
  function setConnection(kind, text) {
    const badge = $('connection');
    badge.className = 'badge ' + kind;
    badge.dataset.state = kind;
    badge.textContent = text || kind;
  }

  function showBanner(text) {
    $('banner').hidden = !text;
    $('banner').textContent = text || '';
  }

  function connect() {
    setConnection('connecting', 'connecting…');
    let socket;
    try {
      socket = server.openPen();
    } catch (e) {
      showBanner(`Cannot open ${server.penSocket}: ${e.message}`);
      return scheduleReconnect();
    }
    state.socket = socket;
    socket.onopen = () => {
      state.retryMs = RETRY_FIRST_MS;
      state.synced = false; // a new socket is a new server session: it has no begin and no buffer
      setConnection('connected');
      showBanner('');
    };
    socket.onmessage = (event) => onReply(JSON.parse(event.data));
    socket.onclose = () => {
      state.socket = null;
      state.sending = false;
      updateSend();
      setConnection('disconnected');
      showBanner(`Cannot reach the capture service at ${server.penSocket}: start it with ./chargen up `
        + `(retrying in ${Math.round(state.retryMs / 1000)} s).`);
      scheduleReconnect();
    };
  }

  function scheduleReconnect() {
    setTimeout(connect, state.retryMs);
    state.retryMs = Math.min(RETRY_MAX_MS, state.retryMs * 2);
  }

  function send(message) {
    if (!state.socket || state.socket.readyState !== WebSocket.OPEN) {
      return false;
    }
    state.socket.send(JSON.stringify(message));
    return true;
  }

  function sendPoints(points) {
    for (let i = 0; i < points.length; i += CHUNK) {
      send({ type: 'points', points: points.slice(i, i + CHUNK) });
    }
  }

  /** Brings the server's buffer to the pad's strokes: begin (which empties it), then every stroke. */
  function sync() {
    const begin = { type: 'begin', mode: state.mode, writer: writerSent(), device: state.device };
    if (state.mode === 'teach') {
      begin.label = letter();
    }
    if (!send(begin)) {
      return false;
    }
    state.strokes.forEach(sendPoints);
    state.synced = true;
    return true;
  }

  /** A name makes the learner teach the writer's hand (for trained letters): sent only when that is the choice. */
  function writerSent() {
    return state.mode === 'teach' && state.teach === 'letter' ? '' : name();
  }

  function onReply(reply) {
    if (reply.type === 'accepted') {
      state.sending = false;
      state.sentAs = sendKey();
      state.finished = true; // the letter stays with its answer; the next stroke starts a new one
      updateSend();
      if (state.mode === 'teach') {
        watchLearning(teachingNow());
      } else {
        setStatus('Asked: looking for the taught letter it is most like…');
      }
    } else if (reply.type === 'classification') {
      showClassification(reply);
    } else if (reply.type === 'error') {
      state.sending = false;
      state.synced = false; // the server rejected something: resend everything with the next action
      updateSend();
      setStatus('The capture service says: ' + reply.error, 'error');
    }
  }

  // ---- what is taught --------------------------------------------------------------------------------------
  async function loadConcepts() {
    const list = await server.concepts();
    state.concepts = list && new Map(list.map((c) => [c.label, c]));
    state.hands = list ? list.some((c) => c.kind === 'style') : true; // a model without styles has no hands
    if (!state.hands && state.teach === 'hand') {
      setTeach('letter');
    }
    setMode(state.mode);
  }

  function letter() {
    return $('label').value.trim();
  }

  function name() {
    return $('writer').value.trim();
  }

  function concept(label) {
    return state.concepts ? state.concepts.get(label) || { version: 0, trained: false } : null;
  }

  /** @return the letters the model was trained on, e.g. "a–m", or null while unknown */
  function trainedLetters() {
    if (!state.concepts) {
      return null;
    }
    const letters = [...state.concepts.values()].filter((c) => c.kind === 'letter' && c.trained)
      .map((c) => c.label).sort();
    return compactRange(letters);
  }

  function compactRange(letters) {
    const codes = letters.map((l) => l.codePointAt(0));
    const contiguous = letters.length > 2 && letters.every((l) => [...l].length === 1)
      && codes.every((c, i) => i === 0 || c === codes[i - 1] + 1);
    return contiguous ? `${letters[0]}–${letters[letters.length - 1]}` : letters.join(', ');
  }

  /** @return what Teach would teach now: {label (the concept), hand (a writer's hand?), text for people} */
  function teachingNow() {
    const l = letter(), n = name();
    return state.teach === 'hand'
      ? { label: STYLE_PREFIX + n, hand: true, letter: l, text: `your handwriting \u201c${n}\u201d` }
      : { label: l, hand: false, letter: l, text: `\u201c${l}\u201d` };
  }

  /** @return why Teach cannot go ahead with these fields, or null */
  function teachProblem() {
    const l = letter();
    if (!l) {
      return 'Type the letter you are writing (e.g. n) first.';
    }
    if (!/^\p{L}$/u.test(l)) {
      return `\u201c${l}\u201d is not a letter: type the one letter you are writing.`;
    }
    if (state.teach === 'hand' && !name()) {
      return 'Type your name first: your handwriting is kept under it.';
    }
    const c = concept(l);
    if (state.teach === 'hand' && c && !c.trained) {
      return `Your handwriting is learned from letters the model was trained on (${trainedLetters()}); `
        + `\u201c${l}\u201d is not one. Write one of those, or choose A letter to teach \u201c${l}\u201d itself.`;
    }
    return null;
  }

  /** The hint under the fields: what pressing the button will do, in the user's terms. */
  function describe() {
    $('hint').textContent = state.mode === 'ask' ? askHint() : teachHint();
    $('hint').classList.toggle('warn', state.mode === 'teach' && !!letter() && !!teachProblem());
  }

  function teachHint() {
    if (state.finished && state.sentAs === sendKey()) {
      return 'Write the next letter: your first stroke clears the pad. (Or choose Ask to have this one named.)';
    }
    const again = state.finished ? 'The letter on the pad was sent already; start writing to begin a new one. ' : '';
    return again + whatTeachDoes();
  }

  function whatTeachDoes() {
    const l = letter(), c = l ? concept(l) : null, trained = trainedLetters();
    if (state.teach === 'hand') {
      if (!name() || !l) {
        return 'Type your name and a letter, write it below, then press Teach: letters the model was trained on'
          + `${trained ? ` (${trained})` : ''} teach your handwriting, a bit more with each one.`;
      }
      return teachProblem() || `Teach adds this \u201c${l}\u201d to your handwriting \u201c${name()}\u201d; the `
        + `dashboard can then write any letter in it (Hand: ${name()}).`;
    }
    if (!l) {
      return 'Type the letter you will write, write ONE example of it below, then press Teach.';
    }
    if (teachProblem()) {
      return teachProblem();
    }
    if (c && c.version > 0) {
      return `\u201c${l}\u201d was taught before (version ${c.version}): your example teaches it anew, for everyone.`;
    }
    if (c && c.trained) {
      return `\u201c${l}\u201d is a letter the model was trained on: your one example replaces it for everyone. `
        + 'To teach your own handwriting with it, choose My handwriting.';
    }
    return `Teach \u201c${l}\u201d from your one example: afterwards the dashboard can draw it and Ask can name it.`;
  }

  function askHint() {
    const base = state.finished && state.sentAs === sendKey()
      ? 'Write another letter to ask again: your first stroke clears the pad.'
      : 'Write a letter below, then press Ask: the pad names the taught letter it looks most like.';
    if (!state.concepts) {
      return base;
    }
    const taught = [...state.concepts.values()].filter((c) => c.kind === 'letter' && c.version > 0)
      .map((c) => c.label).sort();
    return taught.length ? `${base} Taught so far: ${taught.join(', ')}.`
      : 'Nothing is taught yet: Ask names only letters taught here. Choose Teach and teach a letter first.';
  }

  /** After Teach: waits until the learner published the new version, then says what was learned. */
  async function watchLearning(teaching) {
    const before = concept(teaching.label)?.version || 0;
    setStatus(`Taught ${teaching.text}: learning it from your ${teaching.hand ? `\u201c${teaching.letter}\u201d`
      : 'example'}…`, 'ok');
    const deadline = performance.now() + LEARNED_WAIT_MS;
    while (performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, LEARNED_POLL_MS));
      const list = await server.concepts();
      const now = list && list.find((c) => c.label === teaching.label);
      if (now && now.version > before) {
        state.concepts = new Map(list.map((c) => [c.label, c]));
        describe();
        return setStatus(learnedText(teaching, now.version), 'ok');
      }
    }
    setStatus(`Taught ${teaching.text}. It shows up in the dashboard once learned.`, 'ok');
  }

  function learnedText(teaching, version) {
    return teaching.hand
      ? `Learned your handwriting \u201c${name()}\u201d (version ${version}) from your \u201c${teaching.letter}\u201d. `
        + `In the dashboard choose Hand: ${name()}, and it writes any letter in it.`
      : `Learned ${teaching.text} (version ${version}) from your example: the dashboard now draws it, and Ask can `
        + 'name it.';
  }

  // ---- drawing ---------------------------------------------------------------------------------------------
  function resize() {
    const rect = canvas.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(rect.width * ratio);
    canvas.height = Math.round(rect.height * ratio);
    redraw();
  }

  /** The pad's unit: its smaller side in CSS pixels, so x and y are about 0..1 and share a scale. */
  function unit() {
    const rect = canvas.getBoundingClientRect();
    return Math.min(rect.width, rect.height);
  }

  function toPoint(e, down) {
    const rect = canvas.getBoundingClientRect();
    if (state.t0 === null) {
      state.t0 = e.timeStamp;
    }
    const pressure = e.pointerType === 'pen' && e.pressure > 0 ? e.pressure : DEFAULT_PRESSURE;
    const u = unit();
    const last = state.current && state.current[state.current.length - 1];
    const t = Math.max(last ? last.t : 0, (e.timeStamp - state.t0) / 1000); // never backwards
    return { x: (e.clientX - rect.left) / u, y: (rect.bottom - e.clientY) / u, pressure: round(pressure), down,
      t: round(t) };
  }

  function round(v) {
    return Math.round(v * 1e5) / 1e5;
  }

  function drawSegment(a, b) {
    const u = unit() * (window.devicePixelRatio || 1);
    const height = canvas.height; // y up in the points, down on the screen
    ctx.strokeStyle = '#1b2430';
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.lineWidth = Math.max(1, u * 0.004 + u * 0.012 * b.pressure);
    ctx.beginPath();
    ctx.moveTo(a.x * u, height - a.y * u);
    ctx.lineTo(b.x * u, height - b.y * u);
    ctx.stroke();
  }

  function redraw() {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    for (const stroke of state.strokes.concat(state.current ? [state.current] : [])) {
      for (let i = 1; i < stroke.length; i++) {
        drawSegment(stroke[i - 1], stroke[i]);
      }
      if (stroke.length === 1) {
        drawSegment(stroke[0], stroke[0]);
      }
    }
    canvas.dataset.strokes = String(state.strokes.length);
  }

  canvas.addEventListener('pointerdown', (e) => {
    e.preventDefault();
    if (state.finished) {
      startNewLetter(); // the letter on the pad was sent and answered: this stroke begins the next one
    }
    canvas.setPointerCapture(e.pointerId);
    state.current = [toPoint(e, true)];
    drawSegment(state.current[0], state.current[0]);
  });

  canvas.addEventListener('pointermove', (e) => {
    if (!state.current) {
      return;
    }
    const events = e.getCoalescedEvents ? e.getCoalescedEvents() : [];
    for (const c of events.length ? events : [e]) {
      const p = toPoint(c, false);
      drawSegment(state.current[state.current.length - 1], p);
      state.current.push(p);
    }
  });

  function endStroke(e) {
    if (!state.current) {
      return;
    }
    const last = state.current[state.current.length - 1];
    const up = toPoint(e, false);
    if (e.type === 'pointerup' && (up.x !== last.x || up.y !== last.y)) {
      state.current.push(up); // only where the pen moved: a repeated point would be a zero step
    }
    const stroke = state.current;
    state.current = null;
    state.strokes.push(stroke);
    state.sentAs = null;
    canvas.dataset.strokes = String(state.strokes.length);
    updateSend();
    if (state.synced) {
      sendPoints(stroke);
    } else {
      sync();
    }
  }
  canvas.addEventListener('pointerup', endStroke);
  canvas.addEventListener('pointercancel', endStroke);

  function clearPad() {
    state.strokes = [];
    state.current = null;
    state.t0 = null;
    state.sentAs = null;
    state.finished = false;
    redraw();
    updateSend();
  }

  function startNewLetter() {
    send({ type: 'clear' });
    clearPad();
    $('classification').hidden = true;
    setStatus(`New letter: press ${$('send').textContent} when it is done.`);
  }

  // ---- actions ---------------------------------------------------------------------------------------------
  function setMode(mode) {
    if (mode !== state.mode) { // what was said about the other mode no longer applies
      $('classification').hidden = true;
      setStatus('');
    }
    state.mode = mode;
    state.synced = false;
    markChoice('.modes:not(.small) .mode', 'mode', mode);
    $('teach-what').hidden = mode !== 'teach' || !state.hands;
    $('label-field').hidden = mode !== 'teach';
    $('writer-field').hidden = mode !== 'teach' || state.teach !== 'hand';
    $('send').textContent = mode === 'teach' ? 'Teach' : 'Ask';
    describe();
    updateSend();
  }

  function setTeach(what) {
    state.teach = what;
    state.synced = false;
    markChoice('#teach-what .mode', 'teach', what);
    $('writer-field').hidden = state.mode !== 'teach' || what !== 'hand';
    describe();
    updateSend();
  }

  function markChoice(selector, key, value) {
    for (const b of document.querySelectorAll(selector)) {
      const on = b.dataset[key] === value;
      b.classList.toggle('active', on);
      b.setAttribute('aria-checked', String(on));
    }
  }

  /** @return what the pad's letter would be sent as now; equal to state.sentAs when it already was */
  function sendKey() {
    return JSON.stringify([state.mode, state.mode === 'teach' ? letter() : '', writerSent()]);
  }

  /** Send is off while an 'end' is on its way and for a letter already sent as it is now (a double tap). */
  function updateSend() {
    $('send').disabled = state.sending || (state.sentAs !== null && state.sentAs === sendKey());
    describe();
  }

  function submit() {
    if (state.sending || (state.sentAs !== null && state.sentAs === sendKey())) {
      return; // a second tap: the first one is being answered
    }
    if (!state.strokes.length) {
      return setStatus('Write a letter on the pad first.', 'error');
    }
    const problem = state.mode === 'teach' ? teachProblem() : null;
    if (problem) {
      return setStatus(problem, 'error');
    }
    if (!state.socket || state.socket.readyState !== WebSocket.OPEN) {
      return setStatus(`Not connected to ${server.penSocket}: your letter stays on the pad; press `
        + `${$('send').textContent} again once connected.`, 'error');
    }
    if (!state.synced) {
      sync();
    }
    $('classification').hidden = true;
    state.sending = true;
    updateSend();
    send({ type: 'end' });
    setStatus('Sending…');
  }

  function undo() {
    state.strokes.pop();
    state.synced = false; // the server can only clear: resend what is left with the next stroke or submit
    state.sentAs = null;
    state.finished = false;
    send({ type: 'clear' });
    redraw();
    updateSend();
  }

  /** Shows what happened; news (ok, warn, error) is brought into view, as on a phone it sits below the pad. */
  function setStatus(text, kind) {
    const status = $('status');
    status.textContent = text;
    status.className = 'status' + (kind ? ' ' + kind : '');
    if (kind) {
      revealOnSmallScreens(status);
    }
  }

  // ---- answers ---------------------------------------------------------------------------------------------
  function showClassification(result) {
    if (result.outcome === 'nothing_taught') {
      return setStatus('Nothing taught yet: Ask names only letters taught here. Choose Teach, write a letter and '
        + 'teach it, then ask again.', 'warn');
    }
    // Every method scores higher for closer (distance methods send negated distances): rank, then say it in words.
    const ranked = Object.entries(result.scores || {}).sort((a, b) => b[1] - a[1]);
    $('result-label').textContent = result.label;
    const others = ranked.filter(([label]) => label !== result.label).slice(0, RUNNERS_UP).map(([l]) => l);
    $('runners-up').textContent = others.length ? `Next closest: ${others.join(', then ')}.`
      : 'The only letter taught so far, so the only possible answer.';
    $('result-meta').textContent = `Method ${result.method}, ${Number(result.duration_ms).toFixed(1)} ms. `
      + 'Scores, higher is closer (for distance methods: minus the distance):';
    $('scores').replaceChildren(...scoreRows(ranked, result.label));
    $('classification').hidden = false;
    setStatus(''); // the answer speaks for itself
    revealOnSmallScreens($('classification'));
  }

  function scoreRows(ranked, best) {
    const values = ranked.map((e) => e[1]);
    const max = Math.max(...values), min = Math.min(...values);
    return ranked.map(([label, score]) => {
      const li = document.createElement('li');
      li.className = label === best ? 'best' : '';
      li.dataset.label = label;
      const share = max > min ? 0.05 + 0.95 * (score - min) / (max - min) : 1;
      li.innerHTML = '<span class="name"></span><span class="bar"><span></span></span><span class="value"></span>';
      li.querySelector('.name').textContent = label;
      li.querySelector('.bar span').style.width = (share * 100).toFixed(1) + '%';
      li.querySelector('.value').textContent = Number(score).toFixed(3);
      return li;
    });
  }

  /** On a phone the answer appears below the pad: bring it into view without hiding more of the pad than needed. */
  function revealOnSmallScreens(element) {
    const rect = element.getBoundingClientRect();
    if (rect.bottom > window.innerHeight || rect.top < 0) {
      element.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    }
  }

  // ---- wiring ----------------------------------------------------------------------------------------------
  for (const b of document.querySelectorAll('.modes:not(.small) .mode')) {
    b.addEventListener('click', () => setMode(b.dataset.mode));
  }
  for (const b of document.querySelectorAll('#teach-what .mode')) {
    b.addEventListener('click', () => setTeach(b.dataset.teach));
  }
  $('label').addEventListener('focus', () => $('label').select());
  $('label').addEventListener('input', (e) => {
    // One letter is what a user means: what was just typed replaces what was there ('n', then 'o' is 'o').
    const typed = [...((e.data || $('label').value).trim())];
    $('label').value = (typed.pop() || '').toLowerCase();
    state.synced = false;
    describe();
    updateSend();
  });
  $('writer').value = params.get('writer') || '';
  $('writer').addEventListener('input', () => {
    state.synced = false;
    describe();
    updateSend();
  });
  $('send').addEventListener('click', submit);
  $('undo').addEventListener('click', undo);
  $('clear').addEventListener('click', () => { send({ type: 'clear' }); clearPad(); });
  $('dashboard-link').href = server.dashboard;
  window.addEventListener('resize', resize);
  $('label').value = (params.get('letter') || '').trim().slice(0, 1).toLowerCase();
  setTeach(params.get('teach') === 'hand' ? 'hand' : 'letter');
  setMode(params.get('mode') === 'ask' ? 'ask' : 'teach');
  resize();
  if (chargenAuth.mount($('auth'), 'tablet')) {
    connect();
    loadConcepts();
  } else {
    setConnection('disconnected', 'no token');
    showBanner('No token: this pad cannot teach or ask until you give it one (above).');
  }
})();
