/**
 * Privacy facts both sides need (docs/privacy.md). The notice's text lives with the app
 * (src/content/privacy.ts); its version lives here because the functions compare a person's
 * recorded consent with it: a write that collects personal data is refused until the person has
 * agreed to the version in force (PIPL art. 14: a change of purpose, method or kind of data needs
 * consent again).
 *
 * Bump the version whenever the meaning of the notice changes, in the same change as the text.
 */
export const PRIVACY_NOTICE_VERSION = '2026-11-24';

/**
 * The version every consent recorded before versions were kept was given to (the first notice):
 * a profile without a recorded version agreed to this one.
 */
export const FIRST_NOTICE_VERSION = '2026-11-01';

/**
 * How long a station has to answer a deletion request: 15 working days, the limit the national
 * rules for apps set for handling deletion and account cancellation (《App违法违规收集使用个人信息
 * 行为认定方法》: a promised time limit may not exceed 15 working days; none promised means 15).
 */
export const PRIVACY_REQUEST_WORKING_DAYS = 15;

/** What a deleted person's name becomes on the records that are kept. */
export const ERASED_NAME = '已注销用户';

/**
 * Under 14 (PIPL art. 28, 31): a guardian's name, phone and consent come with the profile, or
 * nothing is stored. Someone 14 or older gives none (minimum collection). One rule for the form
 * and the function: both check the same contract (types/actions/account.ts).
 */
export function guardianProblems(
  minor: boolean,
  guardian: { name?: string; phone?: string; consent?: boolean } | undefined,
): { path: string; message: string }[] {
  if (!minor) return guardian ? [{ path: 'guardian', message: '年满14周岁无需填写监护人' }] : [];
  const problems: { path: string; message: string }[] = [];
  if (!guardian?.name?.trim()) problems.push({ path: 'guardian.name', message: '请填写监护人姓名' });
  if (!guardian?.phone) problems.push({ path: 'guardian.phone', message: '请填写监护人手机号' });
  if (guardian?.consent !== true)
    problems.push({ path: 'guardian.consent', message: '需监护人阅读并同意隐私保护指引' });
  return problems;
}
