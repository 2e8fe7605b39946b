import { Client, Connection, type ConnectionOptions, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';

/**
 * How the API talks to Temporal. The SDK's default retries a call that finds the server unreachable 10 times over
 * about 20 s, so a person deciding while Temporal is down waited 20 s for the 503. The API answers sooner instead:
 * its callers retry (the 503 says `retryable: true`), and a decision sent with an Idempotency-Key is applied once
 * however often it is sent (its Update id is derived from the key).
 *
 * Why fewer retries and not a deadline on every call: a deadline also cuts a call that is merely slow while the
 * server is up (an Update waits for the worker: 5–29 s while a restarted worker catches up, docs/RELIABILITY.md),
 * and would answer 503 for a decision that is then applied. Fewer retries only shorten the time spent on a server
 * that refuses the call; a server that answers, however slowly, is waited for as before.
 */
export const API_RETRY_ATTEMPTS = 4; // waits of ~170, 290 and 490 ms between them (the SDK's backoff, factor 1.7)

/** After an outage, reconnect within a second of the server returning (gRPC's own backoff grows to 2 minutes). */
const RECONNECT_BACKOFF_MS = 1_000;

export function apiConnectionOptions(address: string): ConnectionOptions {
  return {
    address,
    interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: API_RETRY_ATTEMPTS }))],
    channelArgs: { 'grpc.initial_reconnect_backoff_ms': RECONNECT_BACKOFF_MS, 'grpc.max_reconnect_backoff_ms': RECONNECT_BACKOFF_MS },
  };
}

/** The API's Temporal client: fails fast (a retryable 503) while the server is unreachable. */
export async function connectApiClient(address: string, namespace?: string): Promise<{ client: Client; connection: Connection }> {
  const connection = await Connection.connect(apiConnectionOptions(address));
  return { client: new Client({ connection, ...(namespace ? { namespace } : {}) }), connection };
}
