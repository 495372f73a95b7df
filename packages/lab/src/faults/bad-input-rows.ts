/**
 * Bad input through the REAL caller bundle in the lab: each a clear error naming the field and the rule,
 * and zero invocations at the emulator. All share one lab session (no fault is injected).
 *
 * Not here, on purpose: a NaN duration and a payload that is not JSON-serialisable (BigInt, cycles).
 * A Lambda event arrives as JSON, so neither can reach a deployed caller; both are covered by the
 * caller's and the client's unit specs (caller-event.spec.ts, handler.spec.ts, payload.spec.ts).
 */
import type { TimeScale } from '../harness';
import type { FaultRow } from './rows';

const SYNC_LIMIT_BYTES = 6 * 1024 * 1024;
const IDLE_RULE = 'must be an integer from 1 to 340';

export function buildBadInputRows(timeScale: TimeScale): FaultRow[] {
  const row = (
    id: string,
    fault: string,
    errorName: string,
    messageIncludes: string[],
    input: Partial<Pick<FaultRow, 'event' | 'env' | 'payloadBytes'>>,
  ): FaultRow => ({
    id: `bad-input/${id}`,
    fault,
    path: 'nat',
    sessionKey: 'bad-input',
    callee: { handler: 'callee', timeoutSeconds: timeScale.calleeTimeoutSeconds },
    event: { durationSeconds: 0.5 },
    callerTimeoutMs: timeScale.callerTimeoutMs,
    plan: { kind: 'none' },
    expect: { outcome: 'error', errorName, messageIncludes, executions: 0 },
    ...input,
  });
  const event = (id: string, value: unknown, includes: string[]) =>
    row(`event-${id}`, `caller event ${JSON.stringify(value)}`, 'InvalidCallerEventError', includes, { event: value });
  const idle = (value: string) =>
    row(
      `idle-${value}`,
      `KEEPALIVE_IDLE_SECONDS=${value}`,
      'InvalidOptionError',
      [`KEEPALIVE_IDLE_SECONDS is "${value}"`, IDLE_RULE],
      { env: { KEEPALIVE_IDLE_SECONDS: value } },
    );
  const durationRule = 'must be a finite number of seconds from 0 to 900';
  return [
    event('not-object', 'now', ['event "now" is invalid', 'must be a JSON object']),
    event('negative', { durationSeconds: -1 }, ['event.durationSeconds -1 is invalid', durationRule]),
    event('over-900', { durationSeconds: 901 }, ['event.durationSeconds 901 is invalid', durationRule]),
    event('string', { durationSeconds: '10' }, ['event.durationSeconds "10" is invalid', durationRule]),
    row(
      'payload-over-6mb',
      `payload of ${SYNC_LIMIT_BYTES + 1} bytes`,
      'InvalidPayloadError',
      ['payload cannot be sent', 'accepts at most'],
      { payloadBytes: SYNC_LIMIT_BYTES + 1 },
    ),
    ...['abc', '0', '350', '-1', '3.5'].map(idle),
    row(
      'no-callee-name',
      'CALLEE_FUNCTION_NAME missing',
      'CallerConfigError',
      ['CALLEE_FUNCTION_NAME undefined is invalid', 'must be set'],
      { env: { CALLEE_FUNCTION_NAME: null } },
    ),
    row('keepalive-maybe', 'KEEPALIVE=maybe', 'InvalidOptionError', ['KEEPALIVE is "maybe"', 'must be on or off'], {
      env: { KEEPALIVE: 'maybe' },
    }),
  ];
}
