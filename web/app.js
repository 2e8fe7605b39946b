import { api, claimsOf, token } from './api.js';
import { h } from './dom.js';
import { renderCatalogue } from './views/catalogue.js';
import { renderInbox } from './views/inbox.js';
import { renderInspection } from './views/inspection.js';
import { renderSignIn } from './views/signin.js';

/** Hash routes: #/inbox, #/inspections/<id>, #/catalogue, #/signin. Everything else is the inbox. */
const routes = [
  { pattern: /^#\/catalogue$/, title: 'Catalogue', nav: '#/catalogue', public: true, render: (main) => renderCatalogue(main) },
  { pattern: /^#\/inspections\/([\w-]+)$/, title: 'Inspection', nav: null, render: (main, [, id]) => renderInspection(main, id) },
  { pattern: /^#\/signin$/, title: 'Sign in', nav: null, public: true, render: (main) => renderSignIn(main, { onSignedIn }) },
  { pattern: /^#\/inbox$/, title: 'Inbox', nav: '#/inbox', render: (main) => renderInbox(main) },
];

let afterSignIn = '#/inbox';

function onSignedIn() {
  showWho();
  location.hash = afterSignIn === '#/signin' ? '#/inbox' : afterSignIn;
}

async function render() {
  const hash = location.hash || '#/inbox';
  if (!hash.startsWith('#/')) return; // an in-page link such as the skip link
  const route = routes.find((r) => r.pattern.test(hash)) ?? routes[routes.length - 1];
  if (!route.public && !token.get()) {
    afterSignIn = hash;
    location.replace('#/signin');
    return;
  }
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.getAttribute('href') === route.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const main = document.getElementById('main');
  main.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
  document.title = `${route.title} · Inspections`;
  try {
    await route.render(main, hash.match(route.pattern));
  } catch (error) {
    if (error?.status === 401) {
      token.clear();
      showWho();
      afterSignIn = hash;
      location.replace('#/signin');
      return;
    }
    main.replaceChildren(h('h1', { tabindex: '-1' }, 'Something went wrong'), h('p', { class: 'error', role: 'alert' }, error?.message ?? String(error)));
  }
  const heading = main.querySelector('h1');
  if (heading && navigated) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
  navigated = true;
}
let navigated = false;

function showWho() {
  const who = document.getElementById('who');
  const jwt = token.get();
  const claims = jwt ? claimsOf(jwt) : null;
  if (!claims) {
    who.replaceChildren(h('a', { href: '#/signin' }, 'Sign in'));
    return;
  }
  who.replaceChildren(
    h('span', {}, 'Signed in as ', h('strong', { 'data-role': claims.role }, claims.role), ` (${claims.sub})`),
    h('button', { type: 'button', class: 'link-button', onclick: () => { token.clear(); showWho(); location.hash = '#/signin'; } }, 'Sign out'),
  );
}

document.querySelector('[data-skip]')?.addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main').focus();
});
window.addEventListener('hashchange', render);
showWho();
render();
export { api };
