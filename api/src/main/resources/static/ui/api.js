// The one client of the api. Same-origin requests with the session cookie; writes carry the CSRF
// token (the XSRF-TOKEN cookie, echoed as X-XSRF-TOKEN), as Spring Security requires of requests
// authenticated by a cookie. A 401 means the session is gone: the app shows the sign-in page.

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const unauthorizedListeners = new Set();

/** An answer that was not 2xx, with the api's {"detail": ...} as its message. */
export class ApiError extends Error {
  constructor(status, detail, body) {
    super(detail || `The api answered ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** Called with no argument whenever the api answers 401 (not signed in, or the session ended). */
export function onUnauthorized(listener) {
  unauthorizedListeners.add(listener);
}

function cookie(name) {
  const prefix = `${name}=`;
  const found = document.cookie.split('; ').find((c) => c.startsWith(prefix));
  return found ? decodeURIComponent(found.slice(prefix.length)) : null;
}

let issuedToken = null;

/** Asks for a CSRF token (also sets the cookie); used when there is no cookie, or it was refused. */
async function freshToken() {
  const response = await fetch('/api/v1/auth/csrf', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) return null;
  const body = await response.json();
  issuedToken = body.token || null;
  return cookie('XSRF-TOKEN') || issuedToken;
}

async function csrfToken() {
  return cookie('XSRF-TOKEN') || issuedToken || freshToken();
}

async function request(method, path, body, { retried = false, quiet401 = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (WRITE.has(method)) {
    const token = await csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (response.status === 403 && WRITE.has(method) && !retried && /csrf/i.test(json?.detail || '')) {
    // The token rotates when the session changes (sign-in): take the current one and try once more.
    issuedToken = null;
    await freshToken();
    return request(method, path, body, { retried: true, quiet401 });
  }
  if (response.status === 401 && !quiet401) {
    unauthorizedListeners.forEach((listener) => listener());
  }
  if (!response.ok) {
    throw new ApiError(response.status, json?.detail, json);
  }
  return json;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body),
  put: (path, body) => request('PUT', path, body),
  patch: (path, body) => request('PATCH', path, body),
  delete: (path) => request('DELETE', path),

  /** Who is signed in, or null (a 401 here is an answer, not a session that ended). */
  async me() {
    try {
      return await request('GET', '/api/v1/auth/me', undefined, { quiet401: true });
    } catch (e) {
      if (e.status === 401) return null;
      throw e;
    }
  },

  async signIn(username, password) {
    await freshToken();
    return request('POST', '/api/v1/auth/login', { username, password }, { quiet401: true });
  },

  async signOut() {
    try {
      await request('POST', '/api/v1/auth/logout', undefined, { quiet401: true });
    } finally {
      issuedToken = null;
    }
  },
};

/** Query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
