/**
 * Invokes the test server holds: a spec starts one, reads the client socket in the kernel while the request
 * is in flight, then releases it. Every held invoke is released, settled and its client destroyed after each
 * test, also when an expectation failed first: otherwise the server's close in afterAll would reject it after
 * the file ended, outside any test, and jest would blame whichever file runs next.
 */
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { holdNextAnswer, type LambdaTestServer, type SeenInvocation } from '@lambda-keepalive/test-kit';

import { invokeSync } from '../../src/invoke.js';

export interface HeldInvoke {
  invocation: SeenInvocation;
  /** ms from the TCP connect (as the server accepted it) to now. */
  sinceConnectMs(): number;
  /** Lets the server answer; idempotent. */
  release(): void;
  call: Promise<unknown>;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Registers the after-each clean-up; returns `hold(client)`, which resolves once the request reached the server. */
export function useHeldInvokes(server: () => LambdaTestServer): (client: LambdaClient) => Promise<HeldInvoke> {
  const held: Array<{ release(): void; call: Promise<unknown>; client: LambdaClient }> = [];
  afterEach(async () => {
    for (const flight of held.splice(0)) {
      flight.release();
      await flight.call.catch(() => undefined); // its outcome is asserted by the test, when it got that far
      flight.client.destroy();
    }
  });
  return async (client) => {
    const answer = holdNextAnswer(server());
    const call = invokeSync(client, { functionName: 'callee' });
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      answer.release();
    };
    held.push({ release, call, client });
    const invocation = await answer.arrived;
    await sleep(200); // let the request's ACK arrive so the socket is idle
    return { invocation, sinceConnectMs: () => Date.now() - invocation.connectedAt, release, call };
  };
}
