const os = require('node:os');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false, isolatedModules: true }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // test/reliability/ holds the long reliability suites (`npm run test:reliability`, jest.reliability.config.js);
  // only the determinism gate, which takes seconds, runs here.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/reliability/(?!replay\\.test\\.ts$)'],
  // one webpack build of the workflows per run, shared by every test file that starts a worker
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  // Jest's default (one worker per core but one), never fewer than two: most files wait on a Temporal server more
  // than they compute, so on the 2-core CI machine two workers halve npm test (1,016 s of suites → 531 s).
  maxWorkers: Math.max(2, os.cpus().length - 1),
  testTimeout: 120000,
};
