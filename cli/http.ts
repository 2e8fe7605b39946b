/** The HTTP API, as the command line talks to it: one call, a spinner on a terminal, the API's own error message. */
export const DEFAULT_API_URL = 'http://localhost:3000';
/** A decision waits for the workflow's Update; a minute is far beyond a healthy answer. */
const REQUEST_TIMEOUT_MS = 60_000;

/** The server answered 4xx/5xx, or could not be reached: exit code 1 with the API's message. */
export class ApiCallError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly body?: unknown,
  ) {
    super(message);
  }
}

export interface Connection {
  baseUrl: string;
  token: string | undefined;
  /** Where a progress line may be drawn: the standard error stream when it is a terminal, else nothing. */
  progress?: NodeJS.WritableStream;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Shows `label` with a spinner until `work` settles; draws nothing unless given a terminal. */
export async function withSpinner<T>(stream: NodeJS.WritableStream | undefined, label: string, work: Promise<T>): Promise<T> {
  if (!stream) return work;
  let frame = 0;
  const started = Date.now();
  const draw = () => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    stream.write(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${label} (${seconds}s)`);
  };
  draw();
  const timer = setInterval(draw, 80);
  try {
    return await work;
  } finally {
    clearInterval(timer);
    stream.write('\r\x1b[2K');
  }
}

export async function callApi(conn: Connection, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const url = new URL(path, conn.baseUrl.endsWith('/') ? conn.baseUrl : `${conn.baseUrl}/`).toString();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (conn.token) headers.authorization = `Bearer ${conn.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const request = async () => {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') {
        throw new ApiCallError(`no answer from the inspections API at ${conn.baseUrl} within ${REQUEST_TIMEOUT_MS / 1000} s (${method} ${path})`, null);
      }
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new ApiCallError(
        `cannot reach the inspections API at ${conn.baseUrl} (${cause?.code ?? cause?.message ?? String(error)}); start it, or point --api or INSPECTIONS_API_URL at it`,
        null,
      );
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!response.ok) throw new ApiCallError(errorMessage(response.status, json, text, conn.token), response.status, json);
    if (json === undefined && text) throw new ApiCallError(`the API at ${conn.baseUrl} answered ${method} ${path} with something other than JSON`, response.status);
    return json;
  };
  return withSpinner(conn.progress, `${method} ${path}`, request());
}

function errorMessage(status: number, json: unknown, text: string, token: string | undefined): string {
  const error = (json as { error?: { code?: string; message?: string; requestId?: string; allowed?: string[] } } | undefined)?.error;
  const message = error?.message ?? (text.trim().slice(0, 200) || 'no message');
  const details = [`HTTP ${status}`, error?.code, error?.requestId ? `request id ${error.requestId}` : undefined].filter(Boolean).join(', ');
  const hint = status === 401 && !token ? '; give a token with --token or INSPECTIONS_TOKEN' : '';
  return `${message} (${details})${hint}`;
}
