// Shared jest settings. ts-jest runs with isolatedModules (tsconfig) so it only transpiles; type errors
// are caught by the separate `typecheck` task (tsc --noEmit). The test kit's strict environment and global
// hooks make an unhandled promise rejection fail the run, also between test files.
module.exports = {
  testEnvironment: require.resolve('@lambda-keepalive/test-kit/jest/strict-environment'),
  globalSetup: require.resolve('@lambda-keepalive/test-kit/jest/global-setup'),
  globalTeardown: require.resolve('@lambda-keepalive/test-kit/jest/global-teardown'),
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
