import { Agent, request } from 'node:http';

export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
  /** The parsed body when the answer is JSON, else undefined. */
  json: unknown;
}

const agent = new Agent({ keepAlive: true, maxSockets: 32 });

/**
 * One HTTP request with nothing checked or normalised on the client side (any method, a raw path, a body on a
 * GET, any content type), for throwing hostile requests at the API. Loopback only: `base` is the test server.
 */
export function rawRequest(base: string, method: string, path: string, headers: Record<string, string>, body?: string | Buffer): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method, path, headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) }, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const contentType = String(res.headers['content-type'] ?? '');
          let json: unknown;
          if (/json/.test(contentType)) {
            try {
              json = JSON.parse(text);
            } catch {
              json = undefined;
            }
          }
          resolve({ status: res.statusCode ?? 0, contentType, text, json });
        });
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path}: no answer within 30 s`)));
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export function closeRawAgent() {
  agent.destroy();
}
