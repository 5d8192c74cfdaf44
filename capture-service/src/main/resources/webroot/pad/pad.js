// chargen pad: pointer strokes streamed to the capture service's /v1/pen WebSocket (capture-service/README.md).
// Points are raw: x, y in units of the pad's side (about 0..1), pressure 0..1, down=true on a stroke's first point,
// t seconds from the letter's first point. The server applies the paper's transform. y grows UPWARDS, as in the
// DigiLeTs recordings the model learned from (their 'd' has its stem rising on the right when y is drawn upwards,
// and reads as a 'q' when drawn downwards), so a letter written here is the letter the model knows.
(() => {
  'use strict';
  /** Pressure sent for mouse and touch, which report none (0.5 is what browsers report for a pressed mouse). */
  const DEFAULT_PRESSURE = 0.5;
  /** Reconnect back-off: first wait and ceiling, in ms. */
  const RETRY_FIRST_MS = 1000, RETRY_MAX_MS = 10000;
  /** Points per WebSocket message: far below the server's 256 KiB frame limit. */
  const CHUNK = 200;

  const DEFAULT_WRITER = 'web-pad';
  const params = new URLSearchParams(location.search);
  const api = params.get('api') || (location.protocol.startsWith('http') ? location.origin : 'http://localhost:8081');
  const wsUrl = api.replace(/^http/, 'ws') + '/v1/pen';
  const $ = (id) => document.getElementById(id);
  const canvas = $('canvas'), ctx = canvas.getContext('2d');

  const state = {
    mode: 'teach', strokes: [], current: null, t0: null, socket: null, synced: false, retryMs: RETRY_FIRST_MS,
    writer: params.get('writer') || DEFAULT_WRITER, device: navigator.userAgent.slice(0, 64),
  };

  // ---- connection ------------------------------------------------------------------------------------------
  function setConnection(kind, text) {
    const badge = $('connection');
    badge.className = 'badge ' + kind;
    badge.dataset.state = kind;
    badge.textContent = text || kind;
  }

  function showBanner(text) {
    const banner = $('banner');
    banner.hidden = !text;
    banner.textContent = text || '';
  }

  function connect() {
    setConnection('connecting', 'connecting…');
    let socket;
    try {
      socket = new WebSocket(wsUrl);
    } catch (e) {
      showBanner(`Cannot open ${wsUrl}: ${e.message}`);
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
      setConnection('disconnected');
      showBanner(`Cannot reach the capture service at ${wsUrl}: start it with ./chargen up `
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
    const begin = { type: 'begin', mode: state.mode, writer: state.writer, device: state.device };
    if (state.mode === 'teach') {
      begin.label = $('label').value.trim();
    }
    if (!send(begin)) {
      return false;
    }
    state.strokes.forEach(sendPoints);
    state.synced = true;
    return true;
  }

  function onReply(reply) {
    if (reply.type === 'accepted') {
      if (state.mode === 'teach') {
        setStatus(`Taught “${state.sentLabel}”: the learner is learning it from this one example. `
          + 'It shows up in the dashboard’s concept list in a few seconds.', 'ok');
      } else {
        setStatus('Sent: classifying…');
      }
      clearPad();
    } else if (reply.type === 'classification') {
      showClassification(reply);
    } else if (reply.type === 'error') {
      state.synced = false; // the server rejected something: resend everything with the next action
      setStatus('The capture service says: ' + reply.error, 'error');
    }
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
    canvas.dataset.strokes = String(state.strokes.length);
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
    redraw();
  }

  // ---- actions ---------------------------------------------------------------------------------------------
  function setMode(mode) {
    state.mode = mode;
    state.synced = false;
    for (const b of document.querySelectorAll('.mode')) {
      const on = b.dataset.mode === mode;
      b.classList.toggle('active', on);
      b.setAttribute('aria-checked', String(on));
    }
    $('label-field').hidden = mode !== 'teach';
    $('send').textContent = mode === 'teach' ? 'Teach' : 'Ask';
    $('hint').textContent = mode === 'teach'
      ? 'Type the letter, write ONE example of it below, then press Teach.'
      : 'Write a letter below, then press Ask: the classifier names it and shows its scores.';
  }

  function submit() {
    if (!state.strokes.length) {
      return setStatus('Write a letter on the pad first.', 'error');
    }
    const label = $('label').value.trim();
    if (state.mode === 'teach' && !label) {
      return setStatus('Type the letter you are teaching (e.g. n) first.', 'error');
    }
    if (!state.socket || state.socket.readyState !== WebSocket.OPEN) {
      return setStatus(`Not connected to ${wsUrl}: your letter stays on the pad; press ${$('send').textContent} `
        + 'again once connected.', 'error');
    }
    if (!state.synced) {
      sync();
    }
    state.sentLabel = label;
    $('classification').hidden = true;
    send({ type: 'end' });
    setStatus('Sending…');
  }

  function undo() {
    state.strokes.pop();
    state.synced = false; // the server can only clear: resend what is left with the next stroke or submit
    send({ type: 'clear' });
    redraw();
  }

  function setStatus(text, kind) {
    const status = $('status');
    status.textContent = text;
    status.className = 'status' + (kind ? ' ' + kind : '');
  }

  function showClassification(result) {
    $('result-label').textContent = result.label;
    $('result-meta').textContent = `(${result.method}, ${result.duration_ms} ms)`;
    const entries = Object.entries(result.scores || {}).sort((a, b) => b[1] - a[1]);
    const values = entries.map((e) => e[1]);
    const max = Math.max(...values), min = Math.min(...values);
    const list = $('scores');
    list.replaceChildren(...entries.map(([label, score]) => {
      const li = document.createElement('li');
      li.className = label === result.label ? 'best' : '';
      li.dataset.label = label;
      const share = max > min ? 0.05 + 0.95 * (score - min) / (max - min) : 1; // higher scores are better
      li.innerHTML = '<span class="name"></span><span class="bar"><span></span></span><span class="value"></span>';
      li.querySelector('.name').textContent = label;
      li.querySelector('.bar span').style.width = (share * 100).toFixed(1) + '%';
      li.querySelector('.value').textContent = Number(score).toFixed(3);
      return li;
    }));
    $('classification').hidden = false;
    setStatus('Classified. Higher scores are closer; write another letter to ask again.', 'ok');
  }

  for (const b of document.querySelectorAll('.mode')) {
    b.addEventListener('click', () => setMode(b.dataset.mode));
  }
  $('label').addEventListener('input', () => { state.synced = false; });
  $('writer').value = state.writer;
  $('writer').addEventListener('input', () => {
    state.writer = $('writer').value.trim() || DEFAULT_WRITER;
    state.synced = false;
  });
  $('send').addEventListener('click', submit);
  $('undo').addEventListener('click', undo);
  $('clear').addEventListener('click', () => { send({ type: 'clear' }); clearPad(); });
  const dashboard = params.get('dashboard') || `${location.protocol === 'https:' ? 'https' : 'http'}://`
    + `${location.hostname || 'localhost'}:8082/dashboard/`;
  $('dashboard-link').href = dashboard;
  window.addEventListener('resize', resize);
  setMode(params.get('mode') === 'ask' ? 'ask' : 'teach');
  resize();
  connect();
})();
