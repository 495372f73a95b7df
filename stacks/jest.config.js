// Jest for the stacks: the workspace preset, a private TMPDIR per run, cdktf's matchers, 60 s per test for the CLI.
module.exports = {
  ...require('../jest.preset.js'),
  // A private TMPDIR for the run, removed afterwards (cdktf's Testing leaves temp dirs behind).
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // cdktf's jest matchers (toHaveResourceWithProperties, ...).
  setupFilesAfterEnv: ['<rootDir>/test/support/setup-jest.ts'],
  // The CLI spec builds the app and runs `cdktf synth` twice (about 15 s in all).
  testTimeout: 60_000,
};
