import { api, claimsOf, token } from '../api.js';
import { announce, h } from '../dom.js';

export function renderSignIn(main, { onSignedIn }) {
  const input = h('textarea', { id: 'token', name: 'token', rows: 4, required: true, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'token-hint' });
  const error = h('div', { id: 'signin-error', class: 'error', role: 'alert' });
  const form = h('form', { class: 'card', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: 'token' }, 'Bearer token'),
      h('p', { class: 'hint', id: 'token-hint' }, 'Paste a token: `npm start` prints one per role (MANAGER_TOKEN and so on). It is kept in this tab only (sessionStorage).'),
      input),
    h('button', { type: 'submit', class: 'button' }, 'Sign in'),
    error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.replaceChildren();
    const jwt = input.value.trim().replace(/^Bearer\s+/i, '');
    if (!jwt) {
      error.textContent = 'Paste a token first.';
      input.focus();
      return;
    }
    try {
      await api('GET', '/inbox?limit=1', undefined, { token: jwt });
    } catch (e) {
      error.textContent = `The API refused the token: ${e.message}`;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    token.set(jwt);
    announce(`Signed in as ${claimsOf(jwt)?.role ?? 'unknown role'}`);
    onSignedIn();
  });
  main.replaceChildren(h('h1', {}, 'Sign in'), form);
}
