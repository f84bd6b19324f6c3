const shared = require('../jest.shared');

// Compiled WeChat output under miniprogram-simulate (which renders custom components into a
// jsdom document with the official wcc template compiler). The fixtures are built first by
// scripts/build-mp-fixtures.sh into dist/mp-fixtures/.
module.exports = {
  ...shared,
  displayName: 'mp',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/mp/**/*.test.ts'],
  // The compiled output is plain CommonJS already; transforming it would only slow things down.
  transformIgnorePatterns: ['/node_modules/', '/dist/'],
};
