const shared = require('../jest.shared');

// Component and page tests: React components rendered in jsdom with @testing-library/react.
// `@tarojs/components` becomes Taro's React H5 components, `@tarojs/taro` a test double
// (support/taro.ts); the ESM that ships in node_modules (Taro, NutUI, Stencil, Swiper) is
// transformed by babel like our own code.
const esmPackages = ['@tarojs', '@nutui', '@stencil', 'swiper', '@swc/helpers', '@react-spring', '@use-gesture'];

module.exports = {
  ...shared,
  displayName: 'components',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/components/**/*.test.tsx'],
  setupFiles: ['<rootDir>/test/components/support/globals.js'],
  setupFilesAfterEnv: ['<rootDir>/test/components/support/after-each.ts'],
  // Leave node_modules untransformed except these packages (and whatever they nest, e.g. the
  // ES build of tslib inside @tarojs/components) and any .mjs file.
  transformIgnorePatterns: [`^(?!.*/node_modules/(${esmPackages.join('|')})/)(?!.*\\.mjs$).*/node_modules/`],
  moduleNameMapper: {
    ...shared.moduleNameMapper,
    '\\.(css|scss|sass|less)$': '<rootDir>/test/components/support/style-stub.js',
    '^@tarojs/taro$': '<rootDir>/test/components/support/taro.ts',
    '^@tarojs/components$': '<rootDir>/test/components/support/taro-components.js',
  },
};
