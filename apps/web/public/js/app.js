// The shell: login state, the region, the navigation and a small hash router (#/seite?parameter).
import { api, ApiError, onSessionExpired, session } from './api.js';
import { showBackupNotice } from './backup-notice.js';
import { h, loading, show } from './dom.js';
import { ROLE } from './labels.js';
import { errorBox } from './ui.js';

/**
 * Each page's module loads when the page is first shown, not before: the login needs none of the
 * boards' code. `lazyPage(load, name)` names the module and its render function.
 */
const lazyPage = (load, name) => async (...args) => (await load())[name](...args);

const renderLogin = lazyPage(() => import('./pages/login.js'), 'renderLogin');
/** "Was wurde aus …?": no login, no navigation (#/oeffentlich/<region>/…). */
const renderPublic = lazyPage(() => import('./pages/public.js'), 'renderPublic');

const PAGES = {
  uebersicht: lazyPage(() => import('./pages/overview.js'), 'renderOverview'),
  empfehlungen: lazyPage(() => import('./pages/list.js'), 'renderList'),
  empfehlung: lazyPage(() => import('./pages/recommendation.js'), 'renderRecommendation'),
  gremien: lazyPage(() => import('./pages/scorecard.js'), 'renderScorecard'),
  wirkung: lazyPage(() => import('./pages/impact.js'), 'renderImpact'),
  nachhaltigkeit: lazyPage(() => import('./pages/sustainability.js'), 'renderSustainability'),
  bericht: lazyPage(() => import('./pages/report.js'), 'renderReport'),
  einstellungen: lazyPage(() => import('./pages/settings.js'), 'renderSettings'),
  import: lazyPage(() => import('./pages/import.js'), 'renderImport'),
  pruefung: lazyPage(() => import('./pages/audit.js'), 'renderAudit'),
  auftraege: lazyPage(() => import('./pages/work-list.js'), 'renderWorkList'),
  erfassen: lazyPage(() => import('./pages/adopt.js'), 'renderAdopt'),
  verwaltung: lazyPage(() => import('./pages/admin.js'), 'renderAdmin'),
  abonnements: lazyPage(() => import('./pages/subscriptions.js'), 'renderSubscriptions'),
};

const main = document.getElementById('inhalt');
let region = null;
let renderCount = 0;

/** "#/empfehlung/abc?asOf=2020-01-01" → { page: 'empfehlung', id: 'abc', params } */
function parseHash() {
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const [page = '', id] = path.split('/').map(decodeURIComponent);
  return { page, id, params: new URLSearchParams(query) };
}

/** Builds a hash link; empty parameters are left out. */
export function link(page, params = {}, id) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  const q = query.toString();
  return `#/${page}${id ? `/${encodeURIComponent(id)}` : ''}${q ? `?${q}` : ''}`;
}

export function navigate(page, params, id) {
  location.hash = link(page, params, id);
}

function announce(text) {
  document.getElementById('ansage').textContent = text;
}

function setHeader(account) {
  const loggedIn = Boolean(account);
  document.getElementById('navigation').hidden = !loggedIn;
  document.getElementById('konto').hidden = !loggedIn;
  // Entries for some roles only (data-rollen="office auditor"): the others never see the control.
  for (const item of document.querySelectorAll('#navigation [data-rollen]')) item.hidden = !loggedIn || !item.dataset.rollen.split(' ').includes(account.role);
  document.getElementById('konto-name').textContent = loggedIn ? `${account.displayName ?? account.email} · ${ROLE[account.role] ?? account.role}` : '';
  document.getElementById('region').textContent = region ? `· ${region.name}` : '';
  document.getElementById('demo').hidden = !(region && region.demo);
}

async function loadRegion(account) {
  const regionId = account.regionIds?.[0];
  if (!regionId) throw new ApiError(403, { detail: 'Diesem Konto ist keine Bildungsregion zugeordnet.' });
  const answer = await api.get(`/regions/${regionId}`);
  const name = answer?.state?.name ?? 'Bildungsregion';
  // The demo seeder names its region "… (Demodaten)"; a real region never carries the word.
  region = { regionId, name, demo: /demodaten/i.test(name) };
  return region;
}

function markNavigation(page) {
  const current = page === 'empfehlung' ? 'empfehlungen' : page;
  for (const a of document.querySelectorAll('#navigation a')) {
    if (a.dataset.seite === current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

async function route() {
  const run = ++renderCount;
  const { page, id, params } = parseHash();
  const account = session.account();
  if (page === 'oeffentlich') {
    region = null;
    setHeader(null);
    markNavigation('');
    await renderPublic(main, { stale: () => run !== renderCount });
    return;
  }
  if (!session.token() || !account || page === 'anmeldung') {
    region = null;
    setHeader(null);
    markNavigation('');
    document.title = 'Anmeldung – Empfehlungsradar';
    await renderLogin(main, { onLoggedIn: () => navigate(params.get('weiter') || 'uebersicht'), reason: params.get('grund') });
    return;
  }
  const render = PAGES[page];
  if (!render) {
    navigate('uebersicht');
    return;
  }
  markNavigation(page);
  show(main, loading('Die Seite wird geladen'));
  try {
    if (!region) {
      await loadRegion(account);
      void showBackupNotice(account);
    }
    setHeader(account);
    const stale = () => run !== renderCount;
    await render(main, { region, account, id, params, navigate, link, announce, stale });
  } catch (error) {
    if (run !== renderCount) return;
    if (error instanceof ApiError && error.status === 401) return; // the login takes over
    setHeader(account);
    show(main, h('h1', {}, 'Fehler'), errorBox(error, () => route()));
  }
}

onSessionExpired(() => {
  session.clear();
  region = null;
  const { page } = parseHash();
  navigate('anmeldung', { grund: 'abgelaufen', weiter: page && page !== 'anmeldung' ? page : undefined });
});

document.getElementById('abmelden').addEventListener('click', () => {
  session.clear();
  region = null;
  navigate('anmeldung', { grund: 'abgemeldet' });
});

// The skip link must not change the hash: the hash is the router's.
document.getElementById('sprunglink').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

// Focus moves to the content when the page changes (not when only a filter does), for screen readers.
let lastPage = parseHash().page;
window.addEventListener('hashchange', () => {
  const { page } = parseHash();
  const moved = page !== lastPage;
  lastPage = page;
  void route().then(() => {
    if (moved) main.focus();
  });
});
void route();

