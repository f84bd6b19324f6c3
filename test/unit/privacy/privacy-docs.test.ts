import { readFileSync } from 'node:fs';
import { PRIVACY_DOCS_PATH, renderPrivacyDocs } from '../../../scripts/gen-privacy-docs';

it('docs/privacy.md is up to date with the notice, the field inventory and the rules (run npm run docs:privacy)', () => {
  expect(readFileSync(PRIVACY_DOCS_PATH, 'utf8')).toBe(renderPrivacyDocs());
});
