/** The local runtime's temporary file links: signed over the file and the expiry, refused after it. */
import { checkFileLink, signFileLink } from '../../../cloudfunctions/_shared/platform/file-links';

const SECRET = 'a-test-secret-of-enough-length';
const FILE = 'cloud://local/uploads/oDemoVolunteer1/AbCdEfGhIjKlMnOpQrStUv.png';
const NOW = Date.UTC(2026, 10, 20, 2, 0, 0);

/** Splits a signed link as the host receives it. */
function parts(link: string): [string, URLSearchParams] {
  const url = new URL(link, 'http://local');
  return [url.pathname, url.searchParams];
}

function check(link: string, nowMs = NOW, secret = SECRET) {
  const [pathname, query] = parts(link);
  return checkFileLink(pathname, query, nowMs, secret);
}

it('names the file and an expiry, and checks out until that second has passed', () => {
  const link = signFileLink(FILE, NOW, 600, SECRET);
  expect(link).toMatch(
    /^\/__files\/cloud%3A%2F%2Flocal%2Fuploads%2FoDemoVolunteer1%2F\w+\.png\?expires=\d+&sig=[\w-]{43}$/,
  );
  expect(check(link)).toEqual({ ok: true, fileId: FILE });
  expect(check(link, NOW + 600_000)).toEqual({ ok: true, fileId: FILE });
  expect(check(link, NOW + 601_000)).toEqual({ ok: false, problem: 'expired' });
});

it('refuses a link whose file, expiry or signature was changed', () => {
  const link = signFileLink(FILE, NOW, 600, SECRET);
  const [pathname, query] = parts(link);
  const otherFile = pathname.replace('oDemoVolunteer1', 'oDemoResident01');
  expect(checkFileLink(otherFile, query, NOW, SECRET)).toEqual({ ok: false, problem: 'forged' });

  const later = new URLSearchParams(query);
  later.set('expires', String(Number(query.get('expires')) + 3600));
  expect(checkFileLink(pathname, later, NOW, SECRET)).toEqual({ ok: false, problem: 'forged' });

  const sig = query.get('sig')!;
  const flipped = new URLSearchParams(query);
  flipped.set('sig', `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`);
  expect(checkFileLink(pathname, flipped, NOW, SECRET)).toEqual({ ok: false, problem: 'forged' });
});

it('calls a tampered link forged even once it would have expired', () => {
  const [pathname, query] = parts(signFileLink(FILE, NOW, 600, SECRET));
  query.set('sig', 'x'.repeat(43));
  expect(checkFileLink(pathname, query, NOW + 3600_000, SECRET)).toEqual({ ok: false, problem: 'forged' });
});

it('refuses a link signed with another key (another runtime, or a guess)', () => {
  expect(check(signFileLink(FILE, NOW, 600, 'another-secret-of-enough-length'))).toEqual({
    ok: false,
    problem: 'forged',
  });
});

it('refuses links without a signature or expiry, or with a broken path', () => {
  const [pathname] = parts(signFileLink(FILE, NOW, 600, SECRET));
  expect(checkFileLink(pathname, new URLSearchParams(''), NOW, SECRET).ok).toBe(false);
  expect(checkFileLink(pathname, new URLSearchParams('expires=abc&sig=x'), NOW, SECRET)).toEqual({
    ok: false,
    problem: 'malformed',
  });
  expect(checkFileLink('/__files/%E0%A4%A', new URLSearchParams('expires=1&sig=x'), NOW, SECRET)).toEqual({
    ok: false,
    problem: 'malformed',
  });
  expect(checkFileLink('/elsewhere/x', new URLSearchParams('expires=1&sig=x'), NOW, SECRET).ok).toBe(false);
});

it('will not sign or check with a missing or short key', () => {
  expect(() => signFileLink(FILE, NOW, 600, '')).toThrow();
  expect(() => signFileLink(FILE, NOW, 600, 'short')).toThrow();
});
