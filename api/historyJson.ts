/**
 * Workflow histories to and from Temporal's canonical JSON, and readable by an auditor with every payload decoded.
 *
 * Temporal's canonical JSON (the format `temporal workflow show --output json` and
 * the Web UI export), as `historyToJSON`/`historyFromJSON` in @temporalio/common/lib/proto-utils produce and read.
 *
 * Why not those two directly: in this install npm placed three copies of protobufjs 8 (under @temporalio/proto,
 * /common and /worker, because the root holds grpc's protobufjs 7), and protobufjs's JSON codec checks
 * `instanceof Type` against its own copy, so common's codec rejects the History type built by proto's copy
 * ("type must be a Type"). Using the codec of the copy @temporalio/proto itself loaded gives the same JSON.
 */
import path from 'node:path';
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';
import { defaultPayloadConverter } from '@temporalio/common';

type History = proto.temporal.api.history.v1.IHistory;
interface ProtoJson {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, options?: { ignoreUnknownFields?: boolean }): unknown;
}

const protojson: ProtoJson = require(require.resolve('protobufjs/ext/protojson', {
  paths: [path.dirname(require.resolve('@temporalio/proto'))],
}));
const historyType = (patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown }).lookupType('temporal.api.history.v1.History');

export function historyToJSONValue(history: History): unknown {
  return protojson.toJson(historyType, proto.temporal.api.history.v1.History.fromObject(history));
}

export function historyFromJSONValue(json: unknown): History {
  const loaded = protojson.fromJson(historyType, json, { ignoreUnknownFields: true });
  if (!loaded) throw new TypeError('invalid history JSON');
  return loaded as History;
}

interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

/** A payload as the data converter reads it: JSON, text or nothing; anything else stays base64 with its encoding. */
function decodePayload(p: JsonPayload): unknown {
  const metadata = Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')]));
  try {
    return defaultPayloadConverter.fromPayload({ metadata, data: Buffer.from(p.data ?? '', 'base64') });
  } catch {
    return { undecoded: p };
  }
}

const isPayload = (v: unknown): v is JsonPayload => v !== null && typeof v === 'object' && 'metadata' in v && typeof (v as JsonPayload).metadata?.encoding === 'string';

/**
 * The history in Temporal's canonical JSON with every payload (inputs, results, Update arguments and answers, failure
 * details, search attributes, memo, headers) decoded through the data converter: `{ payloads: [...] }` becomes
 * `{ decoded: [...] }`, a map of payloads a map of values. So the trace reads beside the audit ledger.
 */
export function readableHistory(history: History): { events: unknown[] } {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    if (isPayload(value)) return decodePayload(value);
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => (k === 'payloads' && Array.isArray(v) ? ['decoded', v.map((p) => (isPayload(p) ? decodePayload(p) : walk(p)))] : [k, walk(v)])),
    );
  };
  const json = historyToJSONValue(history) as { events?: unknown[] };
  return { events: (json.events ?? []).map(walk) };
}
