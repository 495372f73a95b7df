/**
 * Fault-row driver: the REAL caller bundle run like Lambda runs it (drivers/lambda-like-run.ts), with the
 * whole event given by the runner (so bad events reach the handler unchanged) and one difference from
 * caller-driver.ts: once the handler has settled the process is NOT exited — it must end by itself.
 * Lambda freezes, not kills, a process whose handler returned; a socket or timer left behind would run on
 * in the next invocation, so the runner checks this process exits within a second of its result line.
 * A handler still running at the timeout is ended, as Lambda ends it.
 *
 *   node dist/faults/driver.js '{"event":{"durationSeconds":7.2},"timeoutMs":20000}'
 */
import { type LambdaLikeContext, runLikeLambda } from '../harness';
import { eventOf, readFaultDriverInput, reportHygiene } from './driver-protocol';

type CallerHandler = (event: unknown, context: LambdaLikeContext) => Promise<unknown>;

const input = readFaultDriverInput(process.argv[2]);
const event = eventOf(input);
// Loaded before the clock starts: Lambda's init phase is not part of the function timeout either.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { handler } = require(require.resolve('@lambda-keepalive/caller')) as { handler: CallerHandler };

// Recorded, not fatal: the row then fails on it with a clear reason instead of a crash without a result.
let unhandledRejections = 0;
process.on('unhandledRejection', (reason) => {
  unhandledRejections += 1;
  process.stderr.write(
    `unhandledRejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`,
  );
});

const startedAt = Date.now();
let settledAt: number | undefined;
runLikeLambda(
  (context) =>
    handler(event, context).finally(() => {
      settledAt = Date.now();
    }),
  {
    functionName: 'caller',
    timeoutMs: input.timeoutMs,
    exit: (code) => {
      if (settledAt === undefined) {
        process.exit(code); // timed out: Lambda stops the sandbox
        return;
      }
      reportHygiene(startedAt, settledAt, () => unhandledRejections);
    },
  },
);
