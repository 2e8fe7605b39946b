/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false, isolatedModules: true }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // test/reliability/ holds the long reliability suites (`npm run test:reliability`, jest.reliability.config.js);
  // only the determinism gate, which takes seconds, runs here.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/reliability/(?!replay\\.test\\.ts$)'],
  testTimeout: 120000,
};
