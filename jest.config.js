// One jest run, one project per test layer. Each layer keeps its own settings in
// test/<layer>/jest.project.js so the layers can evolve without touching each other.
const fs = require('node:fs');
const path = require('node:path');

const layers = ['unit', 'functions', 'components', 'mp', 'e2e'];

module.exports = {
  projects: layers
    .map((layer) => path.join(__dirname, 'test', layer, 'jest.project.js'))
    .filter((file) => fs.existsSync(file))
    .map((file) => require(file)),
};
