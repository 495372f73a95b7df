// jest's node environment plus one guard: an unhandled promise rejection that arrives BETWEEN test files
// fails the run. jest 30 (jest-circus) already fails the test or file during which a rejection goes
// unhandled; between files its handler is removed, and then
//  - in a worker, Node kills the worker, jest starts another and the run still PASSES;
//  - in band, the rejection is blamed on the next file, or crashes jest after the summary.
// Here it is printed with the last file this process finished, recorded for global-teardown.js, and it
// sets the exit code. (In a Lambda, an unhandled rejection kills the runtime: a test run must not hide one.)

const fs = require('node:fs');
const { TestEnvironment } = require('jest-environment-node');

const INSTALLED = Symbol.for('@lambda-keepalive/test-kit:strict-rejections');
let lastFinishedFile = '(no file finished yet)';

class StrictEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
    if (process[INSTALLED]) return;
    process[INSTALLED] = true;
    // On the real process (this module runs outside the test sandbox). jest-circus takes it off while a
    // file runs and puts it back afterwards, so it sees exactly the rejections between files.
    process.on('unhandledRejection', (reason) => {
      const origin = reason instanceof Error ? reason.stack : String(reason);
      const text =
        `unhandled promise rejection between test files (pid ${process.pid}, ` +
        `last file it finished: ${lastFinishedFile}; the stack shows its origin):\n${origin}\n`;
      process.stderr.write(text);
      process.exitCode = 1; // in band, after globalTeardown: jest leaves exitCode alone on success
      const log = process.env.LAMBDA_KEEPALIVE_JEST_REJECTIONS;
      if (log) fs.appendFileSync(log, `${text}\n`);
    });
  }

  async teardown() {
    lastFinishedFile = this.testPath;
    await super.teardown();
  }
}

module.exports = StrictEnvironment;
