// The JSON API under /api with the token of the login (kept in sessionStorage: gone with the tab).
const TOKEN = 'empfehlungsradar.token';
const ACCOUNT = 'empfehlungsradar.account';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Fehler ${status}`);
    this.status = status;
    this.problem = problem ?? {};
    /** Validation errors: [{ field, message }]. */
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
  }
}

export const session = {
  token: () => sessionStorage.getItem(TOKEN),
  account: () => JSON.parse(sessionStorage.getItem(ACCOUNT) ?? 'null'),
  save(token, account) {
    sessionStorage.setItem(TOKEN, token);
    sessionStorage.setItem(ACCOUNT, JSON.stringify(account));
  },
  clear() {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(ACCOUNT);
  },
};

/** Listeners for "the token is no longer accepted". */
const expiredListeners = new Set();
export const onSessionExpired = (fn) => expiredListeners.add(fn);

const MESSAGES = {
  0: 'Der Server ist nicht erreichbar. Bitte die Verbindung prüfen und erneut versuchen.',
  401: 'Die Anmeldung ist abgelaufen. Bitte erneut anmelden.',
  403: 'Für diese Ansicht fehlt die Berechtigung.',
  404: 'Nicht gefunden.',
  429: 'Zu viele Anfragen in kurzer Zeit. Bitte einen Moment warten.',
  500: 'Auf dem Server ist ein Fehler aufgetreten. Bitte später erneut versuchen.',
};

async function request(method, path, { query, body, form, headers } = {}) {
  const url = new URL(`/api${path}`, location.origin);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  const token = session.token();
  let response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      // A FormData body sets its own multipart Content-Type.
      body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
  } catch {
    throw new ApiError(0, { detail: MESSAGES[0] });
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const problem = data && typeof data === 'object' ? data : {};
    // The server's German detail is better than ours, except for server errors.
    if (!problem.detail || response.status >= 500) problem.detail = MESSAGES[response.status] ?? MESSAGES[response.status >= 500 ? 500 : 404];
    const error = new ApiError(response.status, problem);
    if (response.status === 401 && token && path !== '/auth/login') expiredListeners.forEach((fn) => fn(error));
    throw error;
  }
  return data;
}

export const api = {
  get: (path, query) => request('GET', path, { query }),
  post: (path, body, headers) => request('POST', path, { body, headers }),
  put: (path, body, headers) => request('PUT', path, { body, headers }),
  del: (path) => request('DELETE', path),
  login: (email, password) => request('POST', '/auth/login', { body: { email, password } }),
  upload: (path, form) => request('POST', path, { form }),
};
