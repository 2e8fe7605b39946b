import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ApiError } from '../../api/errors';
import { BODY_LIMIT_BYTES, readJsonBody } from '../../api/jsonBody';
import { closeRawAgent, rawRequest } from '../support/rawHttp';

/** An app whose one route answers with the body it read, or the refusal, as the API's error handler would. */
let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.post('/echo', async (req, res) => {
    res.json({ body: await readJsonBody(req) });
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (!(error instanceof ApiError)) return void res.status(500).json({ error: String(error) });
    res.status(error.status).json({ error: { code: error.code, message: error.message } });
  });
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  closeRawAgent();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const post = (body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }) => rawRequest(base, 'POST', '/echo', headers, body);

describe('JSON request bodies', () => {
  it('reads an object or an array in UTF-8, any case of the type, with or without the charset; empty is {}', async () => {
    expect((await post('{"event":"FEEDBACK_GIVEN","note":"café"}')).json).toEqual({ body: { event: 'FEEDBACK_GIVEN', note: 'café' } });
    expect((await post(' [1, 2]', { 'content-type': 'APPLICATION/JSON; charset=UTF-8' })).json).toEqual({ body: [1, 2] });
    expect((await post('')).json).toEqual({ body: {} });
  });

  it('refuses anything else with its own 4xx and a message', async () => {
    const cases: [string | Buffer, Record<string, string>, number, string][] = [
      ['{"event": ', { 'content-type': 'application/json' }, 400, 'malformed_json'],
      ['null', { 'content-type': 'application/json' }, 400, 'malformed_json'],
      ['   ', { 'content-type': 'application/json' }, 400, 'malformed_json'],
      ['\uFEFF{"event":"X"}', { 'content-type': 'application/json' }, 400, 'malformed_json'],
      ['{"a":1}', { 'content-type': 'text/plain' }, 415, 'unsupported_media_type'],
      ['{"a":1}', { 'content-type': 'application/json; charset=latin1' }, 415, 'unsupported_media_type'],
      [gzipSync('{"a":1}'), { 'content-type': 'application/json', 'content-encoding': 'gzip' }, 415, 'unsupported_media_type'],
      [JSON.stringify({ pad: 'x'.repeat(BODY_LIMIT_BYTES) }), { 'content-type': 'application/json' }, 413, 'body_too_large'],
    ];
    for (const [body, headers, status, code] of cases) {
      const res = await post(body, headers);
      expect({ body: String(body).slice(0, 20), status: res.status, code: (res.json as { error: { code: string } }).error.code }).toEqual({ body: String(body).slice(0, 20), status, code });
    }
  });

  it('stops keeping a body that grows past the limit without a declared length, and answers 413', async () => {
    const res = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${base}/echo`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (r) => {
        let text = '';
        r.on('data', (c: Buffer) => (text += c.toString()));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      for (let i = 0; i < 20; i++) req.write(`"${'x'.repeat(8 * 1024)}",`);
      req.end('1]');
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text).error.code).toBe('body_too_large');
    expect((await post('{"still":"serving"}')).json).toEqual({ body: { still: 'serving' } });
  });
});
