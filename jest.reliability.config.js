/**
 * `npm run test:reliability`: the long-running reliability suites (worker crashes, two workers, Temporal
 * and PostgreSQL outages, hostile input, load), each against real servers. The determinism gate
 * (test/reliability/replay.test.ts) is fast and runs in `npm test` instead. See docs/RELIABILITY.md.
 */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/reliability/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/reliability/replay\\.test\\.ts'],
  // one suite at a time: each kills and restarts servers on a clock, and its figures (docs/RELIABILITY.md) are
  // comparable from run to run only on an otherwise quiet machine
  maxWorkers: 1,
  testTimeout: 300000,
};
