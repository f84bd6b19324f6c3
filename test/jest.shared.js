// Settings every test layer shares: how TypeScript is transformed and how the path aliases in
// tsconfig.json resolve. Keep the aliases here in step with tsconfig.json and config/index.ts.
const path = require('node:path');

const root = path.join(__dirname, '..');

module.exports = {
  rootDir: root,
  transform: { '^.+\\.[cm]?[jt]sx?$': ['babel-jest', { configFile: path.join(root, 'babel.config.js') }] },
  moduleNameMapper: {
    '^@linli/types/(.*)$': '<rootDir>/types/$1',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
};
