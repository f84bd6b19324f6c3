/**
 * .env.cloud: read as dotenv's plain subset, and refused — without quoting a value — when a
 * secret a function needs is missing or malformed, or a name is one no function reads.
 */
import { envProblems, parseEnvFile } from '../../../scripts/deploy/env-file';

const SIGNIN = 'a'.repeat(64);
const KEY = Buffer.alloc(32, 7).toString('base64');

it('reads NAME=value lines, comments, quotes and export', () => {
  const { values, problems } = parseEnvFile(
    [
      '# secrets',
      `LINLI_SIGNIN_SECRET=${SIGNIN}`,
      `export LINLI_DATA_KEY="${KEY}"`,
      'LINLI_LOG_CALLS=1   # on',
      "LINLI_TEMPLATE_WISH_CLAIMED='tmpl-1'",
      '',
    ].join('\n'),
  );
  expect(problems).toEqual([]);
  expect(Object.fromEntries(values)).toEqual({
    LINLI_SIGNIN_SECRET: SIGNIN,
    LINLI_DATA_KEY: KEY,
    LINLI_LOG_CALLS: '1',
    LINLI_TEMPLATE_WISH_CLAIMED: 'tmpl-1',
  });
});

it('points at a line it cannot read and at a name set twice', () => {
  expect(parseEnvFile('LINLI_LOG_CALLS=1\nnot a line\nLINLI_LOG_CALLS=2').problems).toEqual([
    'line 2: expected NAME=value',
    'line 3: LINLI_LOG_CALLS is set twice',
  ]);
});

describe('what stops a deployment', () => {
  const needed = new Set(['LINLI_SIGNIN_SECRET', 'LINLI_DATA_KEY', 'LINLI_EVIDENCE_MAX_SESSIONS']);

  it('nothing, when every needed secret is well formed', () => {
    expect(
      envProblems(
        new Map([
          ['LINLI_SIGNIN_SECRET', SIGNIN],
          ['LINLI_DATA_KEY', KEY],
        ]),
        needed,
      ),
    ).toEqual([]);
  });

  it('a missing required secret, and only one a function reads', () => {
    const problems = envProblems(new Map([['LINLI_DATA_KEY', KEY]]), needed);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^LINLI_SIGNIN_SECRET is missing/);
    // The certificate secret is required too, but no function in `needed` reads it.
  });

  it('a malformed value, described without its value', () => {
    const problems = envProblems(
      new Map([
        ['LINLI_SIGNIN_SECRET', 'short-secret'],
        ['LINLI_DATA_KEY', Buffer.alloc(16).toString('base64')],
        ['LINLI_EVIDENCE_MAX_SESSIONS', '2k'],
      ]),
      needed,
    );
    expect(problems).toEqual([
      'LINLI_SIGNIN_SECRET must be at least 16 characters (random: openssl rand -hex 32)',
      'LINLI_DATA_KEY must be base64 of exactly 32 random bytes (openssl rand -base64 32)',
      'LINLI_EVIDENCE_MAX_SESSIONS must be a positive whole number',
    ]);
    expect(problems.join(' ')).not.toContain('short-secret');
  });

  it('a name no function reads (a typo would deploy nothing)', () => {
    expect(
      envProblems(
        new Map([
          ['LINLI_SIGNIN_SECRET', SIGNIN],
          ['LINLI_DATA_KEY', KEY],
          ['LINLI_SINGIN_SECRET', 'x'],
        ]),
        needed,
      ),
    ).toEqual(['LINLI_SINGIN_SECRET is not a variable any function reads (config/cloud-env.example)']);
  });

  it('a value the CLI would break its JSON on', () => {
    const problems = envProblems(
      new Map([
        ['LINLI_SIGNIN_SECRET', `${SIGNIN}"x`],
        ['LINLI_DATA_KEY', KEY],
        ['LINLI_TEMPLATE_WISH_CLAIMED', '{"a":1}'],
      ]),
      needed,
    );
    expect(problems).toEqual([
      'LINLI_SIGNIN_SECRET holds a quote, backslash, line break or leading bracket, which the CLI cannot pass on',
      'LINLI_TEMPLATE_WISH_CLAIMED holds a quote, backslash, line break or leading bracket, which the CLI cannot pass on',
    ]);
  });
});
