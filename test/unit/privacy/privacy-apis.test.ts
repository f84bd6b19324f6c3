import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import privacyApis from '../../../config/privacy-apis.json';
import { PRIVACY_SECTIONS } from '../../../src/content/privacy';

/**
 * The WeChat privacy interfaces the app calls are exactly those declared (config/privacy-apis.json),
 * the notice explains each where the declaration says, and the app config asks for location
 * permissions exactly when a location interface is used. A new Taro.chooseXxx call without a
 * declaration fails here — as it would fail the platform's review.
 */
const SRC = path.join(__dirname, '../../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** Every interface the sources use, in the catalogue's spelling (`chooseMedia`, `open-type:getPhoneNumber`). */
function usedInterfaces(): Set<string> {
  const used = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:Taro|wx)\.([A-Za-z]+)\b/g)) used.add(m[1]!);
    for (const m of text.matchAll(/openType=["'{`]+([A-Za-z|]+)/g))
      for (const t of m[1]!.split('|')) used.add(`open-type:${t}`);
    for (const m of text.matchAll(/<(Camera|LivePusher|VoipRoom)\b/g))
      used.add(`component:${m[1]!.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`);
    if (/type=["']nickname["']/.test(text)) used.add('input:nickname');
  }
  return used;
}

const catalogue = Object.entries(privacyApis.platform).filter(([key]) => !key.startsWith('$')) as [string, string[]][];
const infoOf = new Map(catalogue.flatMap(([info, apis]) => apis.map((api) => [api, info] as const)));
const declared = privacyApis.declared as Record<string, { info: string; noticeSection: string; mentions: string }>;

it('declares exactly the privacy interfaces the app calls', () => {
  const used = [...usedInterfaces()].filter((api) => infoOf.has(api)).sort();
  expect(used).toEqual(Object.keys(declared).sort());
  for (const [api, spec] of Object.entries(declared)) expect(spec.info).toBe(infoOf.get(api));
});

it('explains each declared interface in the notice, in the section it names', () => {
  for (const [api, spec] of Object.entries(declared)) {
    const section = PRIVACY_SECTIONS.find((s) => s.title === spec.noticeSection);
    expect({ api, section: section?.title }).toEqual({ api, section: spec.noticeSection });
    expect(section!.paragraphs.join('')).toContain(spec.mentions);
  }
});

it('asks for location permissions (requiredPrivateInfos) exactly for the location interfaces used', () => {
  (globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- app.config.ts is evaluated by Taro with a global defineAppConfig
  const config = require('../../../src/app.config').default as { requiredPrivateInfos?: string[] };
  const used = [...usedInterfaces()].filter((api) => privacyApis.locationInterfaces.includes(api)).sort();
  expect([...(config.requiredPrivateInfos ?? [])].sort()).toEqual(used);
});

it('finds calls where they are (the scan itself works)', () => {
  const used = usedInterfaces();
  expect(used.has('chooseMedia')).toBe(true);
  expect(used.has('scanCode')).toBe(true);
  // scanCode opens WeChat's own scanner: not a privacy interface, so not declared.
  expect(infoOf.has('scanCode')).toBe(false);
});
