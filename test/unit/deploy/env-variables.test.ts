/**
 * The functions' environment variables: found in each function's real bundle, every name the code
 * reads is declared, secrets reach only the functions that use them, and config/cloud-env.example
 * lists exactly what an operator may set.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { functionFolders } from '../../../scripts/build-functions';
import { variablesFromSources } from '../../../scripts/deploy/bundles';
import { parseEnvFile } from '../../../scripts/deploy/env-file';
import {
  cloudVariableNames,
  DECLARED_TEMPLATES,
  DECLARED_VARIABLES,
  templateVariable,
  variablesOf,
  type FunctionVariables,
} from '../../../scripts/deploy/env-variables';
import { ROOT } from '../../../scripts/deploy/repo';

let variables: Map<string, FunctionVariables>;
beforeAll(async () => {
  variables = await variablesFromSources(functionFolders());
}, 60_000);

const readers = (name: string) => [...variables].filter(([, v]) => v.names.includes(name)).map(([fn]) => fn);

function sourceText(dir: string): string {
  return readdirSync(dir)
    .map((name) => {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) return sourceText(file);
      return /\.tsx?$/.test(name) ? readFileSync(file, 'utf8') : '';
    })
    .join('\n');
}

describe('variables in the bundles', () => {
  it('are all declared in scripts/deploy/env-variables.ts', () => {
    for (const [fn, v] of variables) expect([fn, v.undeclared]).toEqual([fn, []]);
  });

  it('give each secret only to the functions whose code reads it', () => {
    expect(readers('LINLI_SIGNIN_SECRET')).toEqual(['checkin']);
    expect(readers('LINLI_CERTIFICATE_SECRET')).toEqual(['hours']);
    expect(readers('LINLI_EVIDENCE_MAX_SESSIONS')).toEqual(['ledger']);
    // Local-only names are in every bundle that carries the local platform, and never deployed.
    for (const local of DECLARED_VARIABLES.filter((v) => v.use === 'local')) expect(readers(local.name)).toEqual([]);
  });

  it('give the timer functions their templates, and every declared template to some function', () => {
    expect(variables.get('reminders')!.names).toEqual([
      'LINLI_TEMPLATE_ACTIVITY_REMINDER',
      'LINLI_TEMPLATE_FEEDBACK_INVITATION',
    ]);
    expect(variables.get('escalations')!.names).toContain('LINLI_TEMPLATE_COMPLAINT_OVERDUE');
    for (const template of DECLARED_TEMPLATES)
      expect([template.key, readers(templateVariable(template.key)).length > 0]).toEqual([template.key, true]);
  });

  it('declare every template key a function sends', () => {
    // Senders name a key inline (`template: 'complaint_overdue'`) or in a TEMPLATE map.
    const text = sourceText(path.join(ROOT, 'cloudfunctions'));
    const sent = new Set([...text.matchAll(/template:\s*'([a-z_]+)'/g)].map((m) => m[1]!));
    for (const [, body] of text.matchAll(/const TEMPLATE\b[^=]*=\s*\{([^}]*)\}/g)) {
      for (const [, key] of body!.matchAll(/'([a-z_]+)'/g)) sent.add(key!);
    }
    expect([...sent].sort()).toEqual(DECLARED_TEMPLATES.map((t) => t.key).sort());
  });

  it('are each read by the app as TARO_APP_TEMPLATE_<KEY>, written out for the build to replace', () => {
    const src = sourceText(path.join(ROOT, 'src'));
    for (const template of DECLARED_TEMPLATES) {
      expect([template.key, src.includes(`process.env.TARO_APP_TEMPLATE_${template.key.toUpperCase()}`)]).toEqual([
        template.key,
        true,
      ]);
    }
  });
});

describe('reading a bundle', () => {
  it('finds process.env names, requireSecret names and named templates; reports the undeclared', () => {
    const bundle =
      'a=process.env.LINLI_DATA_KEY;b=r("LINLI_SIGNIN_SECRET");c=process.env[`LINLI_TEMPLATE_${k.toUpperCase()}`];' +
      'd={x:"wish_claimed"};e=process.env.LINLI_NEW_THING;f=process.env.LINLI_PLATFORM';
    expect(variablesOf(bundle)).toEqual({
      names: ['LINLI_SIGNIN_SECRET', 'LINLI_DATA_KEY', 'LINLI_TEMPLATE_WISH_CLAIMED'],
      undeclared: ['LINLI_NEW_THING'],
    });
  });

  it('gives no template to a bundle that names the key but cannot send', () => {
    expect(variablesOf('x="wish_claimed"').names).toEqual([]);
  });
});

describe('config/cloud-env.example', () => {
  it('lists exactly the variables an operator may set', () => {
    const { values, problems } = parseEnvFile(readFileSync(path.join(ROOT, 'config/cloud-env.example'), 'utf8'));
    expect(problems).toEqual([]);
    expect([...values.keys()].sort()).toEqual(cloudVariableNames().sort());
    // A template, not a secrets file: no value filled in.
    expect([...values.values()].every((value) => value === '')).toBe(true);
  });
});
