#!/usr/bin/env node
// `check-conventions`: runs src/rules.mjs over every file git tracks (plus new, unignored ones) and prints
// each finding as path:line rule message; exit 1 when there is any, 0 when the tree is clean.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { checkFile } from '../src/rules.mjs';

const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\n')
  .filter(
    (file) =>
      file !== '' && file !== 'pnpm-lock.yaml' && /\.(ts|mts|cts|js|mjs|cjs|md|json|tf|sh)$|^run$|\/run$/.test(file),
  );
let count = 0;
for (const file of files) {
  let text;
  try {
    text = readFileSync(`${root}/${file}`, 'utf8');
  } catch {
    continue; // deleted in the working tree
  }
  for (const finding of checkFile(file, text)) {
    count += 1;
    process.stdout.write(`${file}:${finding.line} ${finding.rule} ${finding.message}\n`);
  }
}
process.stdout.write(count === 0 ? `conventions: ${files.length} files clean\n` : `conventions: ${count} finding(s)\n`);
process.exit(count === 0 ? 0 : 1);
