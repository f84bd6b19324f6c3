import { z } from 'zod';

/**
 * The dependency audit's policy (docs/robustness.md "Dependency audit"): a high or critical
 * advisory anywhere in the installed tree fails CI, unless config/audit-exceptions.json names it
 * with a reason someone reviewed and a date by which it is reviewed again. Pure: the report comes
 * from `npm audit --json` (scripts/audit.ts), the day from the caller.
 */

export const FAILING_SEVERITIES = new Set(['high', 'critical']);

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day, YYYY-MM-DD');

export const auditExceptionsSchema = z
  .object({
    $comment: z.string().optional(),
    /**
     * What a run does when no audit could be made (the registry has no audit service, the
     * network is down): 'fail', or 'warn' with the reason this is accepted.
     */
    whenAuditUnavailable: z
      .object({ action: z.enum(['fail', 'warn']), reason: z.string().min(20), reviewed: day })
      .strict(),
    exceptions: z.array(
      z
        .object({
          /** The advisory: GHSA id as in its URL (https://github.com/advisories/GHSA-…). */
          advisory: z.string().regex(/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/, 'a GHSA id'),
          /** The vulnerable package the advisory is about. */
          package: z.string().min(1),
          /** Why the vulnerable code cannot be reached in this product, and why no fix is taken. */
          reason: z.string().min(40),
          reviewed: day,
          /** After this day the exception no longer counts: look again. */
          expires: day,
        })
        .strict(),
    ),
  })
  .strict();
export type AuditExceptions = z.infer<typeof auditExceptionsSchema>;

export interface Advisory {
  id: string;
  package: string;
  severity: string;
  title: string;
  url: string;
  range: string;
}

export interface AuditVerdict {
  /** False when `npm audit` produced no report (then `unavailable` says why). */
  ran: boolean;
  unavailable?: string;
  /** High and critical advisories with no valid exception: these fail the run. */
  failing: Advisory[];
  /** High and critical advisories covered by an exception. */
  excepted: Advisory[];
  /** Exceptions past their `expires` day whose advisory is still there: these fail the run too. */
  expired: AuditExceptions['exceptions'];
  /** Exceptions no advisory matched: the fix arrived, remove them. */
  unused: AuditExceptions['exceptions'];
  /** Counts by severity, as npm reports them. */
  counts: Record<string, number>;
  ok: boolean;
}

const reportSchema = z.object({
  vulnerabilities: z.record(
    z.string(),
    z.object({
      via: z.array(
        z.union([
          z.string(),
          z.object({
            name: z.string(),
            title: z.string().default(''),
            url: z.string().default(''),
            severity: z.string(),
            range: z.string().default(''),
          }),
        ]),
      ),
    }),
  ),
  metadata: z.object({ vulnerabilities: z.record(z.string(), z.number()) }),
});

/** The GHSA id in an advisory URL (or the URL itself if it has none). */
export const advisoryId = (url: string): string => /GHSA(-[0-9a-z]{4}){3}/i.exec(url)?.[0] ?? url;

export function auditVerdict(report: unknown, policy: AuditExceptions, today: string): AuditVerdict {
  const parsed = reportSchema.safeParse(report);
  if (!parsed.success) {
    const message =
      report && typeof report === 'object' && 'message' in report ? String(report.message) : 'no audit report';
    return {
      ran: false,
      unavailable: message,
      failing: [],
      excepted: [],
      expired: [],
      unused: [],
      counts: {},
      ok: policy.whenAuditUnavailable.action === 'warn',
    };
  }
  const advisories = new Map<string, Advisory>();
  for (const entry of Object.values(parsed.data.vulnerabilities)) {
    for (const via of entry.via) {
      if (typeof via === 'string' || !FAILING_SEVERITIES.has(via.severity)) continue;
      const advisory = {
        id: advisoryId(via.url),
        package: via.name,
        severity: via.severity,
        title: via.title,
        url: via.url,
        range: via.range,
      };
      advisories.set(`${advisory.id} ${advisory.package}`, advisory);
    }
  }
  const matches = (exception: AuditExceptions['exceptions'][number], advisory: Advisory) =>
    exception.advisory.toLowerCase() === advisory.id.toLowerCase() && exception.package === advisory.package;
  const failing: Advisory[] = [];
  const excepted: Advisory[] = [];
  const expired = new Set<AuditExceptions['exceptions'][number]>();
  for (const advisory of advisories.values()) {
    const exception = policy.exceptions.find((e) => matches(e, advisory));
    if (!exception) failing.push(advisory);
    else if (exception.expires < today) expired.add(exception);
    else excepted.push(advisory);
  }
  const unused = policy.exceptions.filter((e) => ![...advisories.values()].some((a) => matches(e, a)));
  return {
    ran: true,
    failing,
    excepted,
    expired: [...expired],
    unused,
    counts: parsed.data.metadata.vulnerabilities,
    ok: failing.length === 0 && expired.size === 0,
  };
}
