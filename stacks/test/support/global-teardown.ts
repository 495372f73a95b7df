/** Jest global teardown for the stacks: restores TMPDIR and removes the private one global-setup.ts made. */
import * as fs from 'node:fs';
// The workspace's shared global teardown: fails the run on unhandled rejections between test files.
import sharedGlobalTeardown from '@lambda-keepalive/test-kit/jest/global-teardown';

export default function globalTeardown(): void {
  sharedGlobalTeardown();
  const privateTmpdir = process.env.TMPDIR;
  const original = process.env.LK_STACKS_ORIGINAL_TMPDIR;
  if (original) process.env.TMPDIR = original;
  else delete process.env.TMPDIR;
  delete process.env.LK_STACKS_ORIGINAL_TMPDIR;
  // Only ever the directory global-setup.ts made.
  if (privateTmpdir && /lk-stacks-test-[^/]+$/.test(privateTmpdir)) {
    fs.rmSync(privateTmpdir, { recursive: true, force: true });
  }
}
