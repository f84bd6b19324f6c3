const shared = require('../jest.shared');

// Browser end-to-end tests: the H5 build served by the real local runtime (started once for
// the whole run by global-setup.js, exactly as `npm start` starts it), driven by headless
// Debian Chromium through playwright-core.
module.exports = {
  ...shared,
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
  globalSetup: '<rootDir>/test/e2e/support/global-setup.js',
  globalTeardown: '<rootDir>/test/e2e/support/global-teardown.js',
  setupFilesAfterEnv: ['<rootDir>/test/e2e/support/setup.ts'],
};
