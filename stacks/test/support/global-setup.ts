/** Jest global setup for the stacks: a private TMPDIR for the whole run (global-teardown.ts removes it). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
// The workspace's shared global setup (the strict environment's rejection log), run first.
import sharedGlobalSetup from '@lambda-keepalive/test-kit/jest/global-setup';

/**
 * Testing.app()/synthScope make a `cdktf.outdir.*` directory in os.tmpdir() per call and never remove it;
 * fixture bundles and the CLI's temp files go there too. Give the whole run a private TMPDIR (inherited by
 * the jest workers and the processes the specs spawn) and delete it in global-teardown.ts.
 * Set here, not in a setup file: inside a test, process.env is jest's copy, not what os.tmpdir() reads.
 */
export default function globalSetup(): void {
  sharedGlobalSetup();
  const privateTmpdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-stacks-test-'));
  process.env.LK_STACKS_ORIGINAL_TMPDIR = process.env.TMPDIR ?? '';
  process.env.TMPDIR = privateTmpdir;
}
