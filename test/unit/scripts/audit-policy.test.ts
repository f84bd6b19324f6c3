import { readFileSync } from 'node:fs';
import path from 'node:path';
import { auditExceptionsSchema, auditVerdict, type AuditExceptions } from '../../../scripts/audit-policy';

/** The shape `npm audit --json` (npm 11) prints: one entry per vulnerable package, its advisories in `via`. */
function report(advisories: { name: string; severity: string; url: string }[]) {
  const vulnerabilities: Record<string, unknown> = {};
  for (const a of advisories) {
    vulnerabilities[a.name] = {
      name: a.name,
      severity: a.severity,
      via: [
        {
          source: 1,
          name: a.name,
          dependency: a.name,
          title: `${a.name} is vulnerable`,
          url: a.url,
          severity: a.severity,
          range: '<9.9.9',
        },
      ],
      effects: [],
      range: '<9.9.9',
      nodes: [`node_modules/${a.name}`],
      fixAvailable: false,
    };
  }
  const counts = { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: advisories.length };
  for (const a of advisories) counts[a.severity as 'high'] += 1;
  return { auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: counts } };
}

const policy = (over: Partial<AuditExceptions> = {}): AuditExceptions => ({
  whenAuditUnavailable: {
    action: 'warn',
    reason: 'the registry here has no audit service at all',
    reviewed: '2026-11-24',
  },
  exceptions: [
    {
      advisory: 'GHSA-pfq8-rq6v-vf5m',
      package: 'html-minifier',
      reason: 'build time only, on our own templates; no fixed version exists',
      reviewed: '2026-11-24',
      expires: '2027-05-24',
    },
  ],
  ...over,
});

const HTML_MINIFIER = {
  name: 'html-minifier',
  severity: 'high',
  url: 'https://github.com/advisories/GHSA-pfq8-rq6v-vf5m',
};
const AXIOS = { name: 'axios', severity: 'high', url: 'https://github.com/advisories/GHSA-jr5f-v2jv-69x6' };
const TODAY = '2026-11-24';

describe('the audit policy', () => {
  it('passes a clean tree and one whose high advisories all have a reviewed exception', () => {
    expect(auditVerdict(report([]), policy(), TODAY)).toMatchObject({ ran: true, ok: true, failing: [] });
    const verdict = auditVerdict(report([HTML_MINIFIER]), policy(), TODAY);
    expect(verdict).toMatchObject({ ok: true, failing: [], unused: [] });
    expect(verdict.excepted.map((a) => a.id)).toEqual(['GHSA-pfq8-rq6v-vf5m']);
  });

  it('fails on a new high or critical advisory, and ignores moderate ones', () => {
    const verdict = auditVerdict(
      report([
        HTML_MINIFIER,
        AXIOS,
        { name: 'postcss', severity: 'moderate', url: 'https://github.com/advisories/GHSA-7fh5-64p2-3v2j' },
      ]),
      policy(),
      TODAY,
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.failing.map((a) => `${a.package} ${a.id}`)).toEqual(['axios GHSA-jr5f-v2jv-69x6']);
    const critical = auditVerdict(report([{ ...AXIOS, severity: 'critical' }]), policy(), TODAY);
    expect(critical.ok).toBe(false);
  });

  it('counts an exception only for its own advisory and package, and only until it expires', () => {
    const otherPackage = auditVerdict(report([{ ...HTML_MINIFIER, name: 'html-minifier-terser' }]), policy(), TODAY);
    expect(otherPackage.ok).toBe(false);
    const expired = auditVerdict(report([HTML_MINIFIER]), policy(), '2027-05-25');
    expect(expired.ok).toBe(false);
    expect(expired.expired.map((e) => e.advisory)).toEqual(['GHSA-pfq8-rq6v-vf5m']);
  });

  it('names exceptions that match nothing any more', () => {
    expect(auditVerdict(report([]), policy(), TODAY).unused.map((e) => e.package)).toEqual(['html-minifier']);
  });

  it('says when no audit was made, and follows the reviewed policy for it', () => {
    // What npm 11 prints with exit code 0 when the registry refuses the audit request.
    const refused = {
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
    };
    expect(auditVerdict(refused, policy(), TODAY)).toMatchObject({
      ran: false,
      ok: true,
      unavailable: refused.message,
    });
    const strict = policy({
      whenAuditUnavailable: { action: 'fail', reason: 'CI reaches the audit service now', reviewed: TODAY },
    });
    expect(auditVerdict(refused, strict, TODAY).ok).toBe(false);
    expect(auditVerdict('not json at all', strict, TODAY).ok).toBe(false);
  });

  it('the committed exceptions are well formed: each names its advisory, package, reason and dates', () => {
    const file = path.join(__dirname, '../../../config/audit-exceptions.json');
    const parsed = auditExceptionsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    for (const e of parsed.exceptions) expect(e.expires > e.reviewed).toBe(true);
  });
});
