import { COMPLAINT_STATUS_LABELS, COMPLAINT_STEP_LABELS, type ComplaintView } from '@linli/types/entities/complaint';
import type { ErrorCode, FieldError } from '@linli/types/errors';
import {
  decideTransition,
  mayHandle,
  type ComplaintStep,
  type TransitionInput,
  type TransitionProblem,
} from '../../../_shared/domain/complaints';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import {
  afterStep,
  complaintsRepository,
  toComplaint,
  type ComplaintDoc,
} from '../../../_shared/repositories/complaints';
import { usersRepository, type UserDoc } from '../../../_shared/repositories/users';
import { actorOf, loadVisible, RACE_RETRIES } from '../access';
import { complaintView } from '../views';

type Step = Exclude<ComplaintStep, 'receive'>;

/** Who may take each step, in the words the refusal uses. */
const WHO_MAY: Record<Step, string> = {
  assign: '只有站长可以指派处理人',
  reassign: '只有站长可以改派处理人',
  reply: '只有处理人或站长可以答复',
  close: '只有提交人、处理人或站长可以结束',
  reopen: '只有提交人可以重新打开',
};

/** A refusal by the rules, as a stable code and a sentence that says why. */
function refusal(step: Step, problem: TransitionProblem, doc: ComplaintDoc): AppError {
  const refuse = (code: ErrorCode, message: string, fields?: FieldError[]) => new AppError(code, message, fields);
  switch (problem) {
    case 'NOT_ALLOWED':
      return refuse('FORBIDDEN', WHO_MAY[step]);
    case 'WRONG_STATE':
      return refuse(
        'TRANSITION_NOT_ALLOWED',
        `这条反馈${COMPLAINT_STATUS_LABELS[doc.status]}，不能${COMPLAINT_STEP_LABELS[step]}`,
      );
    case 'REOPEN_WINDOW_PASSED':
      return refuse('REOPEN_WINDOW_PASSED', '答复已超过7天，不能再重新打开，请提交一条新的反馈');
    case 'INVALID_HANDLER':
      return refuse('INVALID_INPUT', '请选择本站另一位工作人员（不能是被投诉人或提交人）', [
        { path: 'handlerId', message: '不能改派给这位工作人员' },
      ]);
    case 'NOTE_REQUIRED':
      return refuse('INVALID_INPUT', '请填写内容', [
        { path: step === 'reopen' ? 'reason' : 'reply', message: '请填写内容' },
      ]);
  }
}

/**
 * Takes one step: read the complaint (visible to the caller, else not found), let the pure rules
 * decide on what was read, and write the result with one update conditional on the version and
 * state read. Losing a race (someone replied or reassigned meanwhile) means reading and deciding
 * again — and then usually a clear refusal (already replied) rather than a second write.
 */
async function takeStep(
  complaintId: string,
  step: Step,
  caller: UserDoc,
  now: Date,
  inputFor: (doc: ComplaintDoc) => Promise<TransitionInput>,
): Promise<ComplaintView> {
  for (let attempt = 0; attempt <= RACE_RETRIES; attempt += 1) {
    const { doc } = await loadVisible(complaintId, caller);
    const decision = decideTransition(toComplaint(doc), step, actorOf(caller), await inputFor(doc), now);
    if (!decision.ok) throw refusal(step, decision.problem, doc);
    if (await complaintsRepository.applyStep(doc, decision.complaint, decision.event, now)) {
      return complaintView(afterStep(doc, decision.complaint, now), caller, now);
    }
  }
  throw new AppError('CONFLICT');
}

/** The handler (or the 站长 in their place) answers; the sender reads it, and the deadline is met. */
export const reply = defineAction('feedback', 'reply', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: true,
  reveals: ['phone'],
  async handle({ complaintId, reply: text }, { caller, now }) {
    return takeStep(complaintId, 'reply', caller, now, async () => ({ note: text }));
  },
});

/** Ends a replied complaint: the sender (satisfied), or the handling staff. */
export const close = defineAction('feedback', 'close', {
  access: 'registered',
  scope: 'self_or_staff',
  writes: true,
  reveals: ['phone'],
  async handle({ complaintId, note }, { caller, now }) {
    return takeStep(complaintId, 'close', caller, now, async () => (note ? { note } : {}));
  },
});

/** The sender is not satisfied with the reply: open again within 7 days; a new 2-day deadline runs. */
export const reopen = defineAction('feedback', 'reopen', {
  access: 'registered',
  scope: 'self',
  writes: true,
  async handle({ complaintId, reason }, { caller, now }) {
    return takeStep(complaintId, 'reopen', caller, now, async () => ({ note: reason }));
  },
});

/**
 * The 站长 gives a complaint owed a reply to another staff member of the station (never the one
 * it is about, never its sender). An unassigned one (nobody could be found at submission) is
 * assigned the same way.
 */
export const reassign = defineAction('feedback', 'reassign', {
  access: ['admin'],
  scope: 'station',
  writes: true,
  reveals: ['phone'],
  async handle({ complaintId, handlerId, note }, { caller, now }) {
    const candidate = await usersRepository.findByOpenid(handlerId);
    if (!candidate || candidate.stationId !== caller.stationId) {
      throw new AppError('NOT_FOUND', '未找到这位工作人员');
    }
    const { doc } = await loadVisible(complaintId, caller);
    const step: Step = doc.status === 'received' ? 'assign' : 'reassign';
    return takeStep(complaintId, step, caller, now, async (current) => ({
      handlerId,
      handlerEligible: mayHandle(
        { id: candidate._id, roles: candidate.roles, stationId: candidate.stationId },
        current,
      ),
      ...(note ? { note } : {}),
    }));
  },
});
