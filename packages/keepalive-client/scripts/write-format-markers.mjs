// The last step of `pnpm build`, after the two tsc runs: a package.json in dist/cjs and in dist/esm tells Node
// and TypeScript the module format of the .js and .d.ts files below it (the nearest package.json's "type"
// decides), so both builds keep plain .js/.d.ts names and each .d.ts is read in its own mode.
import { writeFileSync } from 'node:fs';

for (const [dir, type] of [
  ['dist/cjs', 'commonjs'],
  ['dist/esm', 'module'],
]) {
  writeFileSync(new URL(`../${dir}/package.json`, import.meta.url), `${JSON.stringify({ type }, null, 2)}\n`);
}
