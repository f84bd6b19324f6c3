import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * Taro build configuration for both targets (weapp and H5), written by hand because
 * `taro init` needs the internet. Each target builds into its own folder under dist/.
 *
 * Keep the aliases in step with tsconfig.json `paths` and test/jest.shared.js.
 *
 * The platform plugins (`@tarojs/plugin-platform-weapp`, `-h5`) and the React framework plugin
 * are registered by the CLI itself from `--type` and `framework`; listing them under `plugins`
 * too would register them twice.
 *
 * `LINLI_MP_FIXTURES=1` switches to the test-fixture build of `taro build native-components`
 * (scripts/build-mp-fixtures.sh): output goes to dist/mp-fixtures and app.config.ts declares
 * the components to compile.
 */
const root = path.resolve(__dirname, '..');
const target = process.env.TARO_ENV ?? 'weapp';
const outputRoot = process.env.LINLI_MP_FIXTURES ? 'dist/mp-fixtures' : `dist/${target}`;

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linli',
    date: '2026-11-1',
    // NutUI's styles are written for a 375 px wide design; ours for 750.
    designWidth(input) {
      const file = typeof input === 'object' && input?.file ? input.file.replace(/\\+/g, '/') : '';
      return file.includes('@nutui') ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    defineConstants: {},
    alias: {
      '@linli/types': path.join(root, 'types'),
      '@': path.join(root, 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    sass: {},
    mini: {
      // types/ (the shared zod contracts) is TypeScript outside src/: compile it too.
      compile: { include: [path.join(root, 'types')] },
      // Component styles are independent of one another (BEM-like prefixes), so the order in
      // which shared chunks list them does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      compile: { include: [path.join(root, 'types')] },
      publicPath: '/',
      staticDirectory: 'static',
      // Hash routing: the H5 app is served as static files by the local Node server; every
      // route lives after `#`, so the server only ever has to answer `/` with index.html.
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
