/**
 * The dependency audit CI runs after `npm install` (.ci/run): `npm audit --json` over the whole
 * installed tree, judged by scripts/audit-policy.ts against config/audit-exceptions.json. Exits 1
 * on a high or critical advisory without a reviewed exception, or with one whose review date has
 * passed. docs/robustness.md "Dependency audit" says how to handle a failure.
 *
 *   npx tsx scripts/audit.ts                  audit now (asks the registry)
 *   npx tsx scripts/audit.ts --report <file>  judge a saved `npm audit --json` output
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { auditExceptionsSchema, auditVerdict, type Advisory } from './audit-policy';

const ROOT = path.resolve(__dirname, '..');
const EXCEPTIONS = path.join(ROOT, 'config', 'audit-exceptions.json');

function runNpmAudit(): unknown {
  let text: string;
  try {
    text = execFileSync('npm', ['audit', '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (error) {
    // npm audit exits 1 when it finds anything; the report is still on stdout.
    text = String((error as { stdout?: unknown }).stdout ?? '');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { message: `npm audit printed no JSON: ${text.slice(0, 200)}` };
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const reportFile = args[0] === '--report' ? args[1] : undefined;
  const policy = auditExceptionsSchema.parse(JSON.parse(readFileSync(EXCEPTIONS, 'utf8')));
  const report = reportFile ? (JSON.parse(readFileSync(reportFile, 'utf8')) as unknown) : runNpmAudit();
  const verdict = auditVerdict(report, policy, new Date().toISOString().slice(0, 10));
  const line = (a: Advisory) => `  ${a.severity.padEnd(8)} ${a.package} ${a.range}  ${a.title}  ${a.url}`;

  if (!verdict.ran) {
    const how = policy.whenAuditUnavailable.action === 'warn' ? 'WARNING' : 'FAILED';
    console.log(`[audit] ${how}: no audit was made — ${verdict.unavailable}`);
    console.log(`[audit] policy (config/audit-exceptions.json): ${policy.whenAuditUnavailable.reason}`);
  } else {
    console.log(`[audit] advisories by severity: ${JSON.stringify(verdict.counts)}`);
    if (verdict.excepted.length > 0) {
      console.log('[audit] high/critical, accepted by a reviewed exception:');
      verdict.excepted.forEach((a) => console.log(line(a)));
    }
    for (const e of verdict.unused) {
      console.log(`[audit] note: the exception for ${e.advisory} (${e.package}) matches nothing any more: remove it`);
    }
    for (const e of verdict.expired) {
      console.log(`[audit] FAILED: the exception for ${e.advisory} (${e.package}) expired on ${e.expires}: review it`);
    }
    if (verdict.failing.length > 0) {
      console.log('[audit] FAILED: high/critical advisories without an exception:');
      verdict.failing.forEach((a) => console.log(line(a)));
      console.log('[audit] upgrade, add an `overrides` entry in package.json, or (if the code cannot run in');
      console.log('[audit] this product) add a reviewed exception — docs/robustness.md "Dependency audit".');
    }
    if (verdict.ok) console.log('[audit] clean at level high');
  }
  process.exitCode = verdict.ok ? 0 : 1;
}

main();
