/**
 * The Invoke payload codec: JSON encoded within the 6 MB limit (counted in bytes), answers decoded
 * (empty → undefined, non-JSON kept as text), and the base64 log tail.
 */
import { InvalidPayloadError } from './errors.js';
import { decodeInvokePayload, decodeLogTail, encodeInvokePayload, SYNC_PAYLOAD_LIMIT_BYTES } from './payload.js';

describe('encodeInvokePayload', () => {
  it('encodes JSON as UTF-8 bytes', () => {
    expect(Buffer.from(encodeInvokePayload({ a: 'é' })).toString('utf8')).toBe('{"a":"é"}');
    expect(Buffer.from(encodeInvokePayload(null)).toString('utf8')).toBe('null');
  });

  it('accepts exactly the 6 MB limit and rejects one byte more (counted in bytes, not characters)', () => {
    const fill = SYNC_PAYLOAD_LIMIT_BYTES - 2; // the two quotes of a JSON string
    expect(encodeInvokePayload('x'.repeat(fill)).byteLength).toBe(SYNC_PAYLOAD_LIMIT_BYTES);
    expect(() => encodeInvokePayload('x'.repeat(fill + 1))).toThrow(InvalidPayloadError);
    expect(() => encodeInvokePayload('é'.repeat(fill / 2 + 1))).toThrow(/6291458 bytes serialised/);
  });
});

describe('decodeInvokePayload', () => {
  it.each([
    [undefined, undefined],
    [new Uint8Array(), undefined],
    [Buffer.from('{"ok":true}'), { ok: true }],
    [Buffer.from('"text"'), 'text'],
    [Buffer.from('not json'), 'not json'],
  ])('%p → %p', (bytes, expected) => {
    expect(decodeInvokePayload(bytes)).toEqual(expected);
  });
});

describe('decodeLogTail', () => {
  it('decodes X-Amz-Log-Result base64', () => {
    expect(decodeLogTail(Buffer.from('START\nEND').toString('base64'))).toBe('START\nEND');
    expect(decodeLogTail(undefined)).toBeUndefined();
  });
});
