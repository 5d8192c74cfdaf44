// chargen pages' bearer token (issue 12), served by every service at /auth.js from service-support: one place for
// how a page gets, keeps and sends its token. The token comes from the URL fragment (#token=…, which browsers never
// send to a server; ./chargen up prints such URLs) or from the field this script shows, and is kept in
// sessionStorage (this tab and origin only, gone when the tab closes). Requests send it as 'Authorization: Bearer',
// WebSockets as the subprotocol chargen.bearer.<token> beside chargen.v1 (a browser cannot set headers on a
// WebSocket). The page shows the token's tenant and roles; without a token it says how to get one.
window.chargenAuth = (() => {
  'use strict';
  const KEY = 'chargen.token';
  const SUBPROTOCOL = 'chargen.v1', TOKEN_PREFIX = 'chargen.bearer.';

  // The bar's look, here so that both pages show it alike.
  const style = document.createElement('style');
  style.textContent = `header { flex-wrap: wrap; gap: 6px; }
    .auth { display: flex; gap: .5em; align-items: center; flex-wrap: wrap; font-size: .85rem; }
    .auth[data-state="none"] { flex-basis: 100%; background: #fff4e5; color: #5b3b00; padding: .5em .75em;
      border-radius: 6px; }
    .auth p { margin: 0; flex-basis: 100%; }
    .auth input { flex: 1; min-width: 12em; font-family: monospace; }
    #tenant { font-weight: 600; }`;
  document.head.appendChild(style);

  // A token in the fragment replaces the kept one and leaves the address bar (and the history) at once.
  const fragment = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (fragment) {
    sessionStorage.setItem(KEY, decodeURIComponent(fragment[1]).trim());
    history.replaceState(null, '', location.pathname + location.search);
  }

  // A new token URL opened in this tab changes only the fragment, which reloads nothing: start afresh with it.
  window.addEventListener('hashchange', () => {
    if (/(?:^#|&)token=/.test(location.hash)) {
      location.reload();
    }
  });

  function token() {
    return sessionStorage.getItem(KEY) || null;
  }

  /** @return the token's claims (not verified here: the services do that), or null */
  function claims() {
    const t = token();
    if (!t) {
      return null;
    }
    try {
      const payload = t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(atob(payload + '='.repeat((4 - payload.length % 4) % 4)));
    } catch (e) {
      return null;
    }
  }

  /** @return whether there is a token that has not expired by this browser's clock */
  function usable() {
    const c = claims();
    return !!c && (!c.exp || c.exp * 1000 > Date.now());
  }

  return {
    token,
    claims,
    usable,
    /** @return the headers with the Authorization header added */
    headers: (extra) => Object.assign({}, extra || {}, token() ? { Authorization: 'Bearer ' + token() } : {}),
    /** @return a WebSocket offering the token as a subprotocol */
    webSocket: (url) => new WebSocket(url, token() ? [SUBPROTOCOL, TOKEN_PREFIX + token()] : [SUBPROTOCOL]),
    /**
     * Shows the tenant, or why there is no usable token and a field to paste one.
     * @param element where the bar goes
     * @param role the role this page needs, for the hint
     */
    mount(element, role) {
      const c = claims();
      element.replaceChildren();
      element.className = 'auth';
      if (usable()) {
        element.dataset.state = 'token';
        const tenant = document.createElement('span');
        tenant.id = 'tenant';
        tenant.textContent = `tenant ${c.tenant}`;
        tenant.title = `roles ${(c.roles || []).join(', ')}; valid until ${c.exp ? new Date(c.exp * 1000)
          .toLocaleString() : 'revoked'}`;
        const change = document.createElement('button');
        change.textContent = 'Change token';
        change.onclick = () => {
          sessionStorage.removeItem(KEY);
          location.reload();
        };
        element.append(tenant, change);
        return true;
      }
      element.dataset.state = 'none';
      const message = document.createElement('p');
      message.id = 'auth-message';
      message.textContent = (c ? 'The token has expired. ' : 'This page needs a bearer token. ')
        + `Open the address ./chargen up printed, or paste a token with role ${role} `
        + `(./chargen token --tenant <tenant> --role ${role}, or from your operator):`;
      const input = document.createElement('input');
      input.id = 'token-input';
      input.placeholder = 'eyJ…';
      input.autocomplete = 'off';
      input.spellcheck = false;
      const use = document.createElement('button');
      use.id = 'token-use';
      use.textContent = 'Use token';
      use.onclick = () => {
        if (input.value.trim()) {
          sessionStorage.setItem(KEY, input.value.trim());
          location.reload();
        }
      };
      element.append(message, input, use);
      return false;
    },
  };
})();
