// jest globalTeardown: fails the run if any worker recorded an unhandled rejection between test files.

const fs = require('node:fs');
const path = require('node:path');

module.exports = () => {
  const log = process.env.LAMBDA_KEEPALIVE_JEST_REJECTIONS;
  if (!log) return;
  const text = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
  fs.rmSync(path.dirname(log), { recursive: true, force: true });
  if (text) throw new Error(`unhandled promise rejections outside any test:\n${text}`);
};
