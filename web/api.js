/** The only way the page talks to the server: the public API, same origin, bearer token from sessionStorage. */
const KEY = 'inspections.token';

export const token = {
  get: () => sessionStorage.getItem(KEY),
  set: (value) => sessionStorage.setItem(KEY, value),
  clear: () => sessionStorage.removeItem(KEY),
};

export class ApiError extends Error {
  constructor(status, body) {
    const error = body?.error ?? {};
    super(error.message ?? `the API answered ${status}`);
    this.status = status;
    this.code = error.code ?? 'error';
    this.requestId = error.requestId ?? null;
    this.details = error;
  }
}

/** The token's claims, read only to show who is signed in; the API checks the signature on every call. */
export function claimsOf(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '=')));
  } catch {
    return null;
  }
}

export async function api(method, path, body, options = {}) {
  const headers = { accept: 'application/json' };
  const jwt = options.token ?? token.get();
  if (jwt) headers.authorization = `Bearer ${jwt}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

let types;
/** The catalogue (public, the same for everyone): fetched once per page load. */
export async function catalogue() {
  types ??= api('GET', '/types').then((r) => r.types);
  return types;
}

/** The catalogue entry of the machine an inspection runs: its type, framework version and machine revision. */
export async function typeOf(type, version, machineRevision) {
  return (await catalogue()).find((t) => t.type === type && t.version === version && t.machineRevision === machineRevision) ?? null;
}

let config;
export async function uiConfig() {
  config ??= api('GET', '/ui/config.json').catch(() => ({ temporalUiUrl: 'http://localhost:8233' }));
  return config;
}
