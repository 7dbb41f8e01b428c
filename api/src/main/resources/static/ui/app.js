// The dashboard's entry: who is signed in, the hash routes, the navigation and the live feed.
// Each page is a module exporting render(main, params, ctx) that fills <main> and may return a
// function to call when the page is left (to stop timers and live listeners).
import { api, onUnauthorized } from './api.js';
import { h, fill, failure } from './dom.js';
import { live } from './live.js';
import { notifications } from './notices.js';

const pages = {
  '': () => import('./pages/overview.js'),
  timeline: () => import('./pages/timeline.js'),
  power: () => import('./pages/power.js'),
  targets: () => import('./pages/targets.js'),
  models: () => import('./pages/models.js'),
  cameras: () => import('./pages/cameras.js'),
  notifications: () => import('./pages/notifications.js'),
  settings: () => import('./pages/settings.js'),
  signin: () => import('./pages/signin.js'),
};

const main = document.getElementById('main');
const header = document.querySelector('header.top');
let user = null;
let leave = null;
let rendering = 0;

/** "#/models/abc?x=1" → {page: 'models', args: ['abc'], query: URLSearchParams}. */
function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, q = ''] = raw.split('?');
  const [page = '', ...args] = path.split('/').map(decodeURIComponent);
  return { page, args, query: new URLSearchParams(q) };
}

function markCurrent(page) {
  document.querySelectorAll('#nav a').forEach((a) => {
    const target = a.getAttribute('href').replace(/^#\/?/, '');
    if (target === page) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}

async function route() {
  const ticket = ++rendering;
  const { page, args, query } = parseHash();
  if (!user && page !== 'signin') {
    const back = location.hash && location.hash !== '#/signin' ? location.hash : '#/';
    sessionStorage.setItem('argus.after-signin', back);
    location.replace('#/signin');
    return;
  }
  const load = pages[page];
  if (leave) { try { leave(); } catch (e) { console.error(e); } leave = null; }
  header.hidden = !user;
  markCurrent(page);
  document.getElementById('nav')?.classList.remove('open');
  if (!load) {
    fill(main, h('h1', {}, 'Not found'), h('p', {}, 'No page here. ', h('a', { href: '#/' }, 'Back to the overview')));
    return;
  }
  try {
    const module = await load();
    if (ticket !== rendering) return;
    main.replaceChildren();
    const ctx = { user, args, query, signedIn, navigate: (hash) => { location.hash = hash; } };
    leave = (await module.render(main, ctx)) || null;
    document.title = `${main.querySelector('h1')?.textContent || 'Argus'} · Argus`;
    main.focus({ preventScroll: true });
  } catch (e) {
    if (ticket === rendering) fill(main, h('h1', {}, 'Something went wrong'), failure(e));
  }
}

/** After sign-in: start the live feed and go where the person was going. */
function signedIn(who) {
  user = who;
  document.getElementById('whoami').textContent = `${who.username} (${who.role})`;
  header.hidden = false;
  live.start();
  notifications.start();
  const back = sessionStorage.getItem('argus.after-signin') || '#/';
  sessionStorage.removeItem('argus.after-signin');
  location.hash = back === '#/signin' ? '#/' : back;
}

function signedOut() {
  user = null;
  live.stop();
  notifications.stop();
  header.hidden = true;
  if (location.hash !== '#/signin') {
    sessionStorage.setItem('argus.after-signin', location.hash || '#/');
    location.replace('#/signin');
  }
}

onUnauthorized(() => { if (user) signedOut(); });

document.getElementById('sign-out').addEventListener('click', async () => {
  try { await api.signOut(); } finally { sessionStorage.removeItem('argus.after-signin'); signedOut(); }
});

const toggle = document.querySelector('.menu-toggle');
toggle.addEventListener('click', () => {
  const nav = document.getElementById('nav');
  const open = nav.classList.toggle('open');
  toggle.setAttribute('aria-expanded', String(open));
});

window.addEventListener('hashchange', route);

(async function start() {
  try {
    user = await api.me();
  } catch (e) {
    user = null;
  }
  if (user) {
    document.getElementById('whoami').textContent = `${user.username} (${user.role})`;
    live.start();
    notifications.start();
    if (location.hash === '#/signin') location.replace('#/');
  }
  route();
}());
