import type { ActionInput, ActionName, ActionOutput, FunctionName } from '@linli/types/api';
import type { FunctionHarness } from '../../support/functions';
import { PERSONAS, type PersonaKey } from './personas';

/**
 * The records the samples need beyond the demo data, made through the functions themselves (so
 * they are exactly what the app would leave) before the matrix takes its snapshot. The ids go to
 * the samples; every cell then starts from this same state.
 */
export interface Fixtures {
  /** The instant the clock is held at while the matrix runs (tokens, deadlines, windows). */
  now: Date;
  /** The sign-in code on the screen at 太极晨练 (DemoAct001), running now. */
  signInToken: string;
  /** 张阿姨's personal sign-in code (phone screen or card). */
  residentCode: string;
  /** An unused invitation of the demo station (social worker). */
  invitationCode: string;
  /** 张阿姨's feedback, assigned to 李社工 and not yet answered. */
  openComplaintId: string;
  /** 张阿姨's feedback that 李社工 answered: it waits for her to close or reopen it. */
  repliedComplaintId: string;
  /** 赵志愿's hour entry awaiting review. */
  pendingEntryId: string;
  /** 赵志愿's hour entry with an open correction request. */
  correctionEntryId: string;
  /** A certificate 赵志愿 was issued, and its check code. */
  certificate: { number: string; code: string };
  /** 张阿姨's wish sent back to her for changes. */
  wishToReviseId: string;
  /** A wish on the wall for 黄伯 (not a persona): anyone of the station may claim it. */
  wishToClaimId: string;
  /** A wish 赵志愿 claimed and has not delivered yet. */
  wishClaimedId: string;
  /** 张阿姨's wish that 赵志愿 delivered: it waits for her confirmation. */
  wishFulfilledId: string;
  /** A second team of the station, which 赵志愿 has not joined. */
  teamToJoinId: string;
  /** A satisfaction form of the station that was archived. */
  archivedFormId: string;
  /** 刘先生's deletion request, waiting for the 站长. */
  deletionRequestId: string;
}

const MINUTE = 60_000;

/** The China-time date `offsetDays` from `now`, as YYYY-MM-DD (what date inputs take). */
export const chinaDay = (now: Date, offsetDays = 0): string =>
  new Date(now.getTime() + offsetDays * 24 * 60 * MINUTE).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/** A span of service `minutes` long that ended `endedMinutesAgo` before `now`, on whole minutes. */
export function servedSpan(now: Date, endedMinutesAgo: number, minutes: number) {
  const end = Math.floor(now.getTime() / MINUTE) * MINUTE - endedMinutesAgo * MINUTE;
  return { startAt: new Date(end - minutes * MINUTE).toISOString(), endAt: new Date(end).toISOString() };
}

export async function buildFixtures(h: FunctionHarness, now: Date): Promise<Fixtures> {
  let counter = 0;
  /** A fixture step, as a persona, with a request id (as the app sends); fails loudly if refused. */
  const as = <F extends FunctionName, A extends ActionName<F>>(
    who: PersonaKey,
    fn: F,
    action: A,
    input: ActionInput<F, A>,
  ): Promise<ActionOutput<F, A>> =>
    h.ok(PERSONAS[who].openid, fn, action, input, `fixture${String(++counter).padStart(4, '0')}`);

  const signInToken = (await as('socialWorker', 'checkin', 'code', { activityId: 'DemoAct001', mode: 'in' })).token;
  const residentCode = (await as('resident', 'checkin', 'myCode', {})).code;
  await as('socialWorker', 'checkin', 'grantHelper', { activityId: 'DemoAct001', openid: PERSONAS.volunteer.openid! });
  const invitationCode = (await as('admin', 'station', 'createInvitation', { role: 'social_worker' })).code;
  await as('resident', 'activity', 'book', { activityId: 'DemoAct002', members: [] });

  // Feedback: complaints rotate among the social workers; the 站长 hands each to 李社工.
  const complaint = async (text: string) => {
    const sent = await as('resident', 'feedback', 'submit', { category: 'opinion', text, anonymous: false });
    const stored = (await h.db.dump('complaints')).find((c) => c._id === sent.id);
    if (stored?.handlerId !== PERSONAS.socialWorker.openid) {
      await as('admin', 'feedback', 'reassign', { complaintId: sent.id, handlerId: PERSONAS.socialWorker.openid! });
    }
    return sent.id;
  };
  const openComplaintId = await complaint('活动室的空调声音太大，希望检修一下。');
  const repliedComplaintId = await complaint('希望多组织一些长者健康讲座。');
  await as('socialWorker', 'feedback', 'reply', {
    complaintId: repliedComplaintId,
    reply: '已记下，下月起每月安排一次健康讲座。',
  });

  // Hours: what 赵志愿 reported; one approved (for a certificate), one with a correction request.
  const report = (endedMinutesAgo: number, content: string) =>
    as('volunteer', 'hours', 'report', { span: servedSpan(now, endedMinutesAgo, 90), content });
  const pendingEntryId = (await report(60, '陪伴独居长者聊天')).id;
  const approved = await report(26 * 60, '协助长者生日会');
  await as('socialWorker', 'hours', 'approve', { entryIds: [approved.id] });
  const correctionEntryId = (await report(50 * 60, '社区环境清洁')).id;
  await as('volunteer', 'hours', 'requestCorrection', {
    entryId: correctionEntryId,
    reason: '签退时间记错了，实际服务到十一点。',
  });
  const issued = await as('volunteer', 'hours', 'issueCertificate', {
    fromDate: chinaDay(now, -30),
    toDate: chinaDay(now),
  });

  // Wishes in the states the steps start from.
  const wish = (who: PersonaKey, what: string, beneficiaryId?: string) =>
    as(who, 'wishes', 'submit', {
      what,
      why: `${what}坏了很久，一直没有钱换新的，希望能得到帮助。`,
      estimatedValue: 120,
      category: 'daily_goods',
      photoFileIds: [],
      ...(beneficiaryId ? { beneficiaryId } : {}),
    });
  const publish = (wishId: string) =>
    as('socialWorker', 'wishes', 'approve', {
      wishId,
      publicTitle: '为居民添一件生活用品',
      publicText: '一位居民家里的生活用品坏了，希望有人帮忙换一件新的。',
    });
  const wishToReviseId = (await wish('resident', '一台电风扇')).id;
  await as('socialWorker', 'wishes', 'requestChanges', { wishId: wishToReviseId, reason: '请写明需要什么尺寸。' });
  const wishToClaimId = (await wish('socialWorker', '一个暖水壶', 'oDemoGroupMem01')).id;
  await publish(wishToClaimId);
  const wishClaimedId = (await wish('socialWorker', '一副老花镜', 'oDemoGroupMem02')).id;
  await publish(wishClaimedId);
  await as('volunteer', 'wishes', 'claim', { wishId: wishClaimedId });
  const wishFulfilledId = (await wish('resident', '一个台灯')).id;
  await publish(wishFulfilledId);
  await as('volunteer', 'wishes', 'claim', { wishId: wishFulfilledId });
  await as('volunteer', 'wishes', 'fulfil', { wishId: wishFulfilledId, note: '已送到张阿姨家。', photoFileIds: [] });

  const teamToJoinId = (await as('socialWorker', 'volunteer', 'createTeam', { name: '岭南环保宣传队' })).id;

  const templates = await as('socialWorker', 'surveys', 'templates', {});
  const form = await as('socialWorker', 'surveys', 'createForm', {
    draft: { ...templates.items[0]!.draft, title: '旧版活动意见表' },
  });
  await as('socialWorker', 'surveys', 'archiveForm', { formId: form.id });
  await as('socialWorker', 'surveys', 'attach', { formId: 'sfDemoForm01', activityIds: ['DemoAct003'] });
  await as('socialWorker', 'surveys', 'close', { activityId: 'DemoAct003' });

  const deletionRequestId = (await as('neighbour', 'account', 'requestDeletion', { reason: '搬家了' })).id;

  return {
    now,
    signInToken,
    residentCode,
    invitationCode,
    openComplaintId,
    repliedComplaintId,
    pendingEntryId,
    correctionEntryId,
    certificate: { number: issued.number, code: issued.code },
    wishToReviseId,
    wishToClaimId,
    wishClaimedId,
    wishFulfilledId,
    teamToJoinId,
    archivedFormId: form.id,
    deletionRequestId,
  };
}
