/**
 * Workflow histories to and from Temporal's canonical JSON (the format `temporal workflow show --output json` and
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
