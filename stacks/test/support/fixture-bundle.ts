/** Test support: a throwaway Lambda bundle directory for the construct specs. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A tiny bundle directory (index.js exporting `handler`) for construct specs, so they do not depend on the
 * caller/callee builds. Lives under os.tmpdir() (the per-file private dir of setup-jest.ts).
 */
export function createFixtureBundle(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-'));
  fs.writeFileSync(path.join(dir, 'index.js'), 'exports.handler = async () => ({ ok: true });\n');
  return dir;
}
