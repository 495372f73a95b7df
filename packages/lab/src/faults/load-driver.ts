/**
 * Load driver: ONE caller process (one handler instance, so one LambdaClient and one agent, as in one
 * container) runs `concurrency` invocations at once, each with its own Lambda-like context. Lambda itself
 * sends one event at a time per container; this is the stress case for the client: many long calls
 * sharing one agent through the NAT, past the idle limit. After all settle, the hygiene line is printed
 * and the process must exit by itself (fault-driver.ts explains why).
 *
 *   node dist/faults/load-driver.js '{"event":{"durationSeconds":24},"timeoutMs":90000,"concurrency":200}'
 */
import { createLambdaLikeContext, type LambdaLikeContext } from '../harness';
import { readFaultDriverInput, reportHygiene } from './driver-protocol';

type CallerHandler = (event: unknown, context: LambdaLikeContext) => Promise<{ calleeResult?: { requestId?: string } }>;

const input = readFaultDriverInput(process.argv[2]);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { handler } = require(require.resolve('@lambda-keepalive/caller')) as { handler: CallerHandler };
let unhandledRejections = 0;
process.on('unhandledRejection', () => (unhandledRejections += 1));

const startedAt = Date.now();
const base = typeof input.event === 'object' && input.event !== null ? input.event : {};
const calls = Array.from({ length: input.concurrency ?? 1 }, (_, index) =>
  handler(
    { ...base, payload: { call: index } },
    createLambdaLikeContext('caller', startedAt + input.timeoutMs, Date.now),
  ),
);

void Promise.allSettled(calls).then((settled) => {
  const settledAt = Date.now();
  const errors: Record<string, number> = {};
  const requestIds = new Set<string>();
  for (const result of settled) {
    if (result.status === 'fulfilled') requestIds.add(String(result.value.calleeResult?.requestId));
    else {
      const name = result.reason instanceof Error ? result.reason.name : 'NonError';
      errors[name] = (errors[name] ?? 0) + 1;
    }
  }
  const ok = settled.filter((result) => result.status === 'fulfilled').length;
  process.stdout.write(`${JSON.stringify({ labLoadCalls: { ok, errors, distinctRequestIds: requestIds.size } })}\n`);
  reportHygiene(startedAt, settledAt, () => unhandledRejections);
});
