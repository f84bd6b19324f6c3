import { CONSENT_EXEMPT_WRITES, collectsPersonalData } from '../../../cloudfunctions/_shared/domain/consent';
import { loadFunction, localFunctionNames } from '../../../local/host/functions';

/**
 * Which writes wait for consent to the notice in force is derived from each action's declared
 * policy (domain/consent.ts); the exemptions are listed by name. This keeps the list honest: every
 * exemption names a real write open to residents or volunteers, and the writes that do wait are
 * the ones a person gives data through.
 */
const policies = localFunctionNames().flatMap((fn) =>
  Object.entries(loadFunction(fn).policies).map(([action, policy]) => ({ key: `${fn}.${action}`, policy })),
);

it('exempts only real writes that residents or volunteers may call', () => {
  for (const key of Object.keys(CONSENT_EXEMPT_WRITES)) {
    const found = policies.find((p) => p.key === key);
    expect({ key, writes: found?.policy.writes }).toEqual({ key, writes: true });
    expect(collectsPersonalData('not-exempt', found!.policy)).toBe(true);
  }
});

it('holds back the writes people give their data through', () => {
  const gated = policies.filter((p) => collectsPersonalData(p.key, p.policy)).map((p) => p.key);
  for (const key of [
    'activity.book',
    'checkin.scan',
    'feedback.submit',
    'feedback.reopen',
    'hours.report',
    'surveys.submit',
    'volunteer.register',
    'volunteer.signUp',
    'wishes.submit',
    'wishes.claim',
    'wishes.fulfil',
  ]) {
    expect(gated).toContain(key);
  }
  for (const key of ['account.saveProfile', 'account.requestDeletion', 'activity.cancelBooking', 'hours.approve']) {
    expect(gated).not.toContain(key);
  }
});
