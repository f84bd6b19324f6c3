const shared = require('../jest.shared');

// Function tests run the real wx-server-sdk against the local database server; each test file
// starts its own in-memory database (test/support/database.ts).
module.exports = {
  ...shared,
  displayName: 'functions',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/functions/**/*.test.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/functions/setup.ts'],
};
