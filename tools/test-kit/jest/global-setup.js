// jest globalSetup: gives the run's workers one file to record unhandled rejections between test files in
// (strict-environment.js); global-teardown.js fails the run if it is not empty.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-rejections-'));
  process.env.LAMBDA_KEEPALIVE_JEST_REJECTIONS = path.join(directory, 'rejections.log');
};
