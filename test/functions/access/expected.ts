import type { ErrorCode } from '@linli/types/errors';
import type { Policy } from '../../../cloudfunctions/_shared/runtime/dispatcher';
import { hasAnyRole, isStaff } from '../../../cloudfunctions/_shared/domain/roles';
import { PERSONAS, SAMPLE_STATION_ID, type PersonaKey } from './personas';
import type { SampleTarget } from './sample';

/** What a cell must answer: success, or a refusal with one of these codes. */
export type Expected = { allow: true } | { allow: false; codes: readonly ErrorCode[]; why: string };

const allow: Expected = { allow: true };
const deny = (why: string, ...codes: ErrorCode[]): Expected => ({ allow: false, codes, why });

/**
 * The answer the declared policy promises when `who` calls the sample. The access part is the
 * dispatcher's; the scope part is each handler's promise:
 * - another station's record does not exist for the caller (NOT_FOUND, never FORBIDDEN: ids
 *   reveal nothing);
 * - inside the station, someone else's own record is refused — NOT_FOUND, or FORBIDDEN where the
 *   caller may see the record but not act on it (a wish on the wall, a complaint they handle).
 */
export function expectedFor(policy: Policy, sample: SampleTarget, who: PersonaKey): Expected {
  const persona = PERSONAS[who];
  if (persona.openid === null) return deny('no identity', 'UNAUTHENTICATED');
  if (persona.roles.length === 0 && policy.access !== 'signed_in') return deny('no profile', 'PROFILE_REQUIRED');
  if (Array.isArray(policy.access) && !hasAnyRole(persona.roles, policy.access)) return deny('role', 'FORBIDDEN');
  if (sample.narrower?.who.includes(who)) return deny(sample.narrower.why, sample.narrower.code);
  if (policy.scope === 'none' || sample.names === undefined) return allow;

  if (persona.stationId !== SAMPLE_STATION_ID) return deny('another station', 'NOT_FOUND');
  if (policy.scope === 'station') return allow;
  if (sample.names === 'station') {
    throw new Error(`a '${policy.scope}' sample must name whose own record it touches, not just 'station'`);
  }
  if (sample.names === who) return allow;
  if (policy.scope === 'self_or_staff' && isStaff(persona.roles)) return allow;
  return deny(`not ${PERSONAS[sample.names].label}'s`, 'NOT_FOUND', 'FORBIDDEN');
}
