#!/usr/bin/env node
'use strict';
/**
 * `npx linli <command>`: the station admin's command line (docs/import.md). The commands are
 * TypeScript under cli/; tsx compiles them as they load, with the repository's tsconfig (set
 * here, so its path aliases resolve whatever the working directory is).
 */
const path = require('node:path');

const root = path.join(__dirname, '..');
process.env.TSX_TSCONFIG_PATH = process.env.TSX_TSCONFIG_PATH || path.join(root, 'tsconfig.json');
require('tsx/cjs/api').register();
const { main } = require(path.join(root, 'cli', 'main.ts'));

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 2;
  },
);
