/** The Invoke request body: Lambda's size limits for synchronous and Event invokes, reading it, checking it is JSON. */
import type { IncomingMessage } from 'node:http';
import { invalidRequestContent, requestTooLarge, unsupportedMediaType } from './service-errors';

/** Lambda quotas: 6 MB (6291456 bytes) request for synchronous invokes (docs/lambda-invoke-api.md), 1 MB for Event. */
export const SYNC_PAYLOAD_LIMIT_BYTES = 6_291_456;
export const ASYNC_PAYLOAD_LIMIT_BYTES = 1_048_576;
/** Past this much the rest of an oversized body is not drained; the connection is dropped instead. */
const DRAIN_LIMIT_BYTES = 64 * 1_048_576;

// The SDK sends application/octet-stream for Invoke's blob payload; the rest are what JSON clients send.
const ACCEPTED_MEDIA_TYPES = new Set([
  'application/json',
  'application/octet-stream',
  'binary/octet-stream',
  'text/plain',
  'application/x-amz-json-1.0',
  'application/x-amz-json-1.1',
]);

/**
 * Reads the body, keeping at most `limitBytes`. An oversized body is read to its end (discarded) before the
 * 413 is sent, so the client sees the typed error rather than a reset while it is still writing.
 */
export async function readRequestBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > DRAIN_LIMIT_BYTES) {
      request.destroy();
      break;
    }
    if (received <= limitBytes) chunks.push(chunk);
  }
  if (received > limitBytes) throw requestTooLarge(limitBytes);
  return Buffer.concat(chunks);
}

/** Returns the payload text to hand the function: '' (→ `{}`) or a JSON document. */
export function validateInvokePayload(contentType: string | undefined, body: Buffer): string {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType && !ACCEPTED_MEDIA_TYPES.has(mediaType)) throw unsupportedMediaType(contentType ?? '');
  const text = body.toString('utf8');
  if (text.trim() === '') return '';
  try {
    JSON.parse(text);
  } catch (error) {
    throw invalidRequestContent(error instanceof Error ? error.message : String(error));
  }
  return text;
}
