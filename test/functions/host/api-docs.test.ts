import { readFileSync } from 'node:fs';
import { API_DOCS_PATH, renderApiDocs } from '../../../scripts/gen-api-docs';
import { API } from '@linli/types/api';
import { loadFunction, localFunctionNames } from '../../../local/host/functions';

it('docs/api.md is up to date with the action map (run npm run docs:api)', () => {
  expect(readFileSync(API_DOCS_PATH, 'utf8')).toBe(renderApiDocs());
});

it('every action in the action map has a handler with a declared access policy, and no extras', () => {
  for (const fn of localFunctionNames()) {
    expect(Object.keys(loadFunction(fn).policies).sort()).toEqual(Object.keys(API[fn]).sort());
  }
});
