/** Test support: a throwaway Lambda bundle directory (index.js and its lambda.zip) for the construct specs. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createDeterministicZip, LAMBDA_ZIP_NAME } from '@lambda-keepalive/lambda-bundle';

/**
 * A tiny bundle directory as the build leaves it (index.js exporting `handler`, and the deployment zip the
 * build writes beside it), so construct specs do not depend on the caller/callee builds. Lives under
 * os.tmpdir() (the run's private dir, global-setup.ts).
 */
export function createFixtureBundle(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-'));
  const code = Buffer.from('exports.handler = async () => ({ ok: true });\n');
  fs.writeFileSync(path.join(dir, 'index.js'), code);
  fs.writeFileSync(path.join(dir, LAMBDA_ZIP_NAME), createDeterministicZip([{ name: 'index.js', data: code }]));
  return dir;
}
