// Shared jest settings. ts-jest runs with isolatedModules (tsconfig) so it only
// transpiles; type errors are caught by the separate `typecheck` task (tsc --noEmit).
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
