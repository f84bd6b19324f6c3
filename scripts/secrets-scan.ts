/**
 * Scans build output that ships to people's phones (dist/weapp, the mini-program; dist/h5) for
 * secrets: anything in it can be read by anyone who has the app. Finds private keys, cloud API
 * keys (Tencent Cloud SecretId/SecretKey, AWS), 32-hex AppSecret-like values next to the word
 * "secret", .env lines of server settings, the names of the functions' secret variables (server
 * code that leaked into a client bundle), and the exact values of the secrets this machine knows
 * (the .env files' server settings, LINLI_* and TENCENTCLOUD_SECRET* in the environment, key
 * files in the local data folder). docs/robustness.md "Secrets in the build".
 *
 *   npx tsx scripts/secrets-scan.ts [dir …]     default: dist/weapp dist/h5 (those that exist)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface Finding {
  file: string;
  line: number;
  kind: string;
  /** The match, cut short and partly masked: a report must not spread the secret further. */
  excerpt: string;
}

/** Server-side secret settings: their names have no business in a client bundle. */
export const SERVER_SECRET_NAMES = [
  'LINLI_SIGNIN_SECRET',
  'LINLI_CERTIFICATE_SECRET',
  'LINLI_FILES_SECRET',
  'LINLI_DATA_KEY',
  'TENCENTCLOUD_SECRETID',
  'TENCENTCLOUD_SECRETKEY',
  'TENCENTCLOUD_SESSIONTOKEN',
];

const PATTERNS: Array<{ kind: string; pattern: RegExp }> = [
  { kind: 'private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY( BLOCK)?-----/g },
  { kind: 'Tencent Cloud SecretId', pattern: /\bAKID[0-9A-Za-z]{13,40}\b/g },
  { kind: 'AWS access key', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/g },
  {
    kind: 'cloud API key assignment',
    pattern: /\bSecret(Id|Key)\b["']?\s*[:=]\s*["'][0-9A-Za-z+/]{16,}["']/g,
  },
  { kind: 'AppSecret-like value', pattern: /secret[\w$]*["']?\s*[:=,]\s*["'`]?[0-9a-f]{32}\b/gi },
  { kind: 'server .env line', pattern: /(^|[\s"'`])(LINLI|TENCENTCLOUD)_[A-Z0-9_]+=[^\s"'`]{8,}/g },
  { kind: 'server secret name', pattern: new RegExp(`\\b(${SERVER_SECRET_NAMES.join('|')})\\b`, 'g') },
];

/** Values shorter than this are not looked for: they would match by chance. */
const MIN_SECRET_LENGTH = 12;

/** Keys of .env files that are meant for the client (Taro puts TARO_APP_* into the app). */
const CLIENT_KEY = /^TARO_APP_/;

/** `KEY=value` lines of an .env file, without comments. */
export function envFileValues(text: string): Array<[string, string]> {
  return text
    .split('\n')
    .map((line) => /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [match[1]!, match[2]!.replace(/^["']|["']$/g, '')]);
}

/**
 * The secret values this machine knows of: server settings in the repository's .env files (every
 * key but TARO_APP_*), LINLI_* and TENCENTCLOUD_SECRET* in the environment, and key files the
 * local runtime keeps in its data folder.
 */
export function knownSecretValues(root: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const values = new Set<string>();
  for (const name of readdirSync(root)) {
    if (!name.startsWith('.env') || !statSync(path.join(root, name)).isFile()) continue;
    for (const [key, value] of envFileValues(readFileSync(path.join(root, name), 'utf8'))) {
      if (!CLIENT_KEY.test(key)) values.add(value);
    }
  }
  for (const [key, value] of Object.entries(env)) {
    if (value && (/^LINLI_/.test(key) || /^TENCENTCLOUD_SECRET/.test(key))) values.add(value);
  }
  const dataDir = path.resolve(root, env.LINLI_DATA_DIR ?? '.linli-data');
  if (existsSync(dataDir)) {
    for (const name of readdirSync(dataDir)) {
      const file = path.join(dataDir, name);
      if (/key|secret/i.test(name) && statSync(file).isFile()) values.add(readFileSync(file, 'utf8').trim());
    }
  }
  // Settings that are not secret: paths, switches, public URLs.
  return [...values].filter(
    (value) =>
      value.length >= MIN_SECRET_LENGTH && !/^(https?:\/\/|\.|\/)/.test(value) && !/^(true|false)$/i.test(value),
  );
}

const mask = (text: string): string =>
  text.length <= 12 ? `${text.slice(0, 4)}…` : `${text.slice(0, 8)}…${text.slice(-2)} (${text.length} chars)`;

/** Findings in one file's text. */
export function scanText(file: string, text: string, secrets: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  for (const { kind, pattern } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      findings.push({ file, line: lineOf(match.index), kind, excerpt: mask(match[0].trim()) });
    }
  }
  for (const secret of secrets) {
    let index = text.indexOf(secret);
    while (index !== -1) {
      findings.push({ file, line: lineOf(index), kind: 'known secret value', excerpt: mask(secret) });
      index = text.indexOf(secret, index + secret.length);
    }
  }
  return findings;
}

/** Binary files (images, fonts) are skipped: secrets ship as text. */
const TEXT_FILE = /\.(js|mjs|cjs|json|wxml|wxss|wxs|css|html|txt|map|svg|xml|md)$/i;

export function scanDirectory(dir: string, secrets: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const file = path.join(current, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (TEXT_FILE.test(entry.name)) findings.push(...scanText(file, readFileSync(file, 'utf8'), secrets));
    }
  };
  walk(dir);
  return findings;
}

function main(): void {
  const root = path.resolve(__dirname, '..');
  const args = process.argv.slice(2);
  const dirs = (args.length > 0 ? args : ['dist/weapp', 'dist/h5'])
    .map((dir) => path.resolve(root, dir))
    .filter((dir) => existsSync(dir));
  const secrets = knownSecretValues(root);
  const findings = dirs.flatMap((dir) => scanDirectory(dir, secrets));
  for (const f of findings) console.log(`${path.relative(root, f.file)}:${f.line}  ${f.kind}  ${f.excerpt}`);
  console.log(
    `[secrets] scanned ${dirs.map((d) => path.relative(root, d)).join(', ') || 'nothing'}: ${findings.length} finding(s)`,
  );
  process.exitCode = findings.length > 0 ? 1 : 0;
}

if (require.main === module) main();
