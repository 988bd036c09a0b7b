// The shell: header, navigation with aria-current, per-view titles, focus management and the router.
import './styles.css';
import { currentUser, session, whenAuthLost } from './api.js';
import { clear, h } from './dom.js';
import { isRoute, parse, build } from './router.js';
import { loginView } from './views/login.js';
import { searchView } from './views/search.js';
import { artifactView } from './views/artifact.js';
import { addView } from './views/add.js';
import { healthView } from './views/health.js';
import { adminView } from './views/admin.js';
import { usersView } from './views/users.js';
import { historyView } from './views/history.js';

const SITE = 'Model Registry';
const VIEWS = { login: loginView, search: searchView, artifact: artifactView, add: addView, health: healthView, admin: adminView, users: usersView, history: historyView };
const OPEN_VIEWS = new Set(['login', 'health']);

let generation = 0;
let leaving = null;
let navigated = false;

function updateSession() {
  const user = session.user();
  document.getElementById('sign-out').hidden = !session.token();
  document.getElementById('session-user').textContent = session.token() && user ? 'Signed in as ' + user : '';
  // User management is for administrators only: the link appears once /users/me says so.
  const usersLink = document.getElementById('nav-users');
  if (!session.token()) { usersLink.hidden = true; return; }
  currentUser().then((me) => { usersLink.hidden = !(me && me.is_admin === true); });
}

function markNav(view) {
  const section = view === 'artifact' ? 'search' : view;
  document.querySelectorAll('[data-nav]').forEach((a) => {
    if (a.dataset.nav === section) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}

/** Where to go after signing in: the page that asked for it, never the login page itself. */
export function loginHref(next) {
  return build('login', [], { next: next && !next.startsWith('#/login') ? next : undefined });
}

async function route() {
  if (!isRoute(location.hash)) return;
  const hash = location.hash && location.hash !== '#' ? location.hash : '#/search';
  const current = parse(hash);
  const render = VIEWS[current.view];
  if (leaving) { leaving(); leaving = null; }
  if (!render) { location.replace(build('search')); return; }
  if (!OPEN_VIEWS.has(current.view) && !session.token()) {
    location.replace(loginHref(hash));
    return;
  }
  const mine = ++generation;
  const main = document.getElementById('main');
  clear(main);
  markNav(current.view);
  updateSession();
  const ctx = {
    live: () => mine === generation,
    setTitle: (title) => { if (mine === generation) document.title = title + ' · ' + SITE; },
    onLeave: (fn) => { leaving = fn; },
    focusHeading: () => {
      // After an in-app navigation, focus goes to the new view's heading so screen readers announce it;
      // on the first load it stays put, so the skip link is still the first Tab stop.
      const heading = main.querySelector('h1');
      if (heading && mine === generation && navigated) { heading.setAttribute('tabindex', '-1'); heading.focus({ preventScroll: false }); }
    },
  };
  try {
    await render(main, current, ctx);
  } catch (e) {
    if (!ctx.live()) return;
    clear(main).append(h('h1', {}, 'Something went wrong'), h('p', { class: 'error' }, String(e && e.message ? e.message : e)));
    ctx.setTitle('Error');
  }
}

function start() {
  document.getElementById('skip-link').addEventListener('click', (event) => {
    // An in-page jump: keep the current route in the URL and move focus to the content.
    event.preventDefault();
    const main = document.getElementById('main');
    main.focus();
    main.scrollIntoView();
  });
  document.getElementById('sign-out').addEventListener('click', () => {
    session.signOut();
    updateSession();
    location.hash = build('login');
  });
  whenAuthLost(() => {
    updateSession();
    if (!location.hash.startsWith('#/login')) location.replace(loginHref(location.hash));
  });
  window.addEventListener('hashchange', () => { navigated = true; route(); });
  route();
}

start();
