/** Invoke payload encoding (checked before anything is sent) and response decoding. */
import { InvalidPayloadError } from './errors.js';

/**
 * Lambda's synchronous (RequestResponse) request payload limit, serialised (Lambda quotas; 413
 * RequestTooLargeException above it).
 */
export const SYNC_PAYLOAD_LIMIT_BYTES = 6_291_456;

/** JSON text of the payload as UTF-8 bytes; throws InvalidPayloadError instead of letting the service reject it. */
export function encodeInvokePayload(payload: unknown): Uint8Array {
  let json: string | undefined;
  try {
    json = JSON.stringify(payload);
  } catch (error) {
    // BigInt ("Do not know how to serialize a BigInt") and cycles ("circular structure") land here.
    throw new InvalidPayloadError('payload', `must be JSON-serialisable (${(error as Error).message})`, {
      cause: error,
    });
  }
  if (json === undefined) {
    throw new InvalidPayloadError(
      'payload',
      `must be JSON-serialisable; a top-level ${typeof payload} has no JSON form (omit payload to send none)`,
    );
  }
  const bytes = Buffer.from(json, 'utf8');
  if (bytes.byteLength > SYNC_PAYLOAD_LIMIT_BYTES) {
    throw new InvalidPayloadError(
      'payload',
      `is ${bytes.byteLength} bytes serialised; ` +
        `a synchronous invoke accepts at most ${SYNC_PAYLOAD_LIMIT_BYTES} bytes (6 MB)`,
    );
  }
  return bytes;
}

/** The callee's result: JSON-parsed; empty → undefined; text that is not JSON is returned as the string. */
export function decodeInvokePayload(bytes: Uint8Array | undefined): unknown {
  if (!bytes || bytes.byteLength === 0) return undefined;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** X-Amz-Log-Result is base64 of the last 4 KB of the callee's log (LogType Tail). */
export function decodeLogTail(logResult: string | undefined): string | undefined {
  return logResult === undefined ? undefined : Buffer.from(logResult, 'base64').toString('utf8');
}
