import type { Request } from 'express';
import { ApiError } from './errors';

/** Bodies larger than this are refused (413). */
export const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * The request's body as JSON, for the routes that take one: `application/json` in UTF-8, not compressed, at most
 * BODY_LIMIT_BYTES, an object or an array at the top (`{}` when empty). Each way it can be wrong has its own 4xx.
 * It does only this, where express.json handled every charset and encoding for every request: the body parser was
 * an eighth of the API's share of a decision (docs/PERFORMANCE.md).
 */
export function readJsonBody(req: Request): Promise<unknown> {
  const refused = contentRefusal(req);
  if (refused) return Promise.reject(refused);
  if (Number(req.get('content-length')) > BODY_LIMIT_BYTES) return Promise.reject(tooLarge()); // Node drops the unread rest
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT_BYTES) return void chunks.push(chunk);
      req.off('data', onData).resume(); // read on to the end, keeping nothing, so the answer can follow
      reject(tooLarge());
    };
    req.on('data', onData);
    req.on('end', () => {
      if (size > BODY_LIMIT_BYTES) return;
      try {
        resolve(parseStrict(Buffer.concat(chunks, size).toString('utf8')));
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', (error) => reject(new ApiError(400, 'bad_request', `the body could not be read: ${error.message}`)));
    req.on('close', () => reject(new ApiError(400, 'bad_request', 'the request ended before its body'))); // no-op once settled
  });
}

function contentRefusal(req: Request): ApiError | undefined {
  if (!req.is('application/json')) return new ApiError(415, 'unsupported_media_type', 'send the body as application/json');
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.get('content-type') ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    return new ApiError(415, 'unsupported_media_type', `send the body in UTF-8, not ${charset}`);
  }
  const encoding = (req.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') return new ApiError(415, 'unsupported_media_type', `send the body uncompressed, not ${encoding}`);
  return undefined;
}

/** JSON with an object or an array at the top, as every route's body is one of those. */
function parseStrict(text: string): unknown {
  if (text.length === 0) return {};
  const first = /^[ \t\n\r]*([^ \t\n\r])/.exec(text)?.[1];
  if (first !== '{' && first !== '[') throw malformed(`it must be an object or an array, not ${first === undefined ? 'blank' : JSON.stringify(first)}`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw malformed(error instanceof Error ? error.message : String(error));
  }
}

const malformed = (why: string) => new ApiError(400, 'malformed_json', `the body is not valid JSON: ${why}`);
const tooLarge = () => new ApiError(413, 'body_too_large', `the body is larger than ${BODY_LIMIT_BYTES / 1024} kB`);
