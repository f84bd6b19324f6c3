import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS_DIR, openContexts } from './browser';

const LEFT_OPEN_DIR = path.join(ARTIFACTS_DIR, 'left-open');

// Browser journeys take seconds, not milliseconds; `testTimeout` in a project config is not
// honoured by jest's multi-project runs, so it is set here for every e2e file.
jest.setTimeout(60_000);

/**
 * A journey that fails stops before closing its phones, so whatever is still open after a test
 * is what the failure left on screen: keep a picture of each page, named after the test, in
 * artifacts/screens/left-open/, beside the journeys' own screenshots. A passing journey closes its phones and
 * leaves nothing; one that keeps a phone for the next test is pictured too, which is harmless.
 */
afterEach(async () => {
  const test = (expect.getState().currentTestName ?? 'test').replace(/[^\w\u4e00-\u9fff-]+/g, '_').slice(0, 80);
  let n = 0;
  for (const context of openContexts) {
    for (const page of context.pages()) {
      n += 1;
      mkdirSync(LEFT_OPEN_DIR, { recursive: true });
      await page
        .screenshot({ path: path.join(LEFT_OPEN_DIR, `${test}-${n}.png`), fullPage: true, timeout: 5000 })
        .catch(() => undefined);
    }
  }
});
