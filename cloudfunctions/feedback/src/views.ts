import type { ComplaintEventView, ComplaintSummary, ComplaintView } from '@linli/types/entities/complaint';
import {
  awaitsReply,
  capacitiesOf,
  isAllowedTransition,
  mayReopenAt,
  maySeeComplaint,
  maySeeSender,
  reopenUntil,
  SYSTEM_ACTOR,
  urgencyAt,
} from '../../_shared/domain/complaints';
import { platform } from '../../_shared/platform';
import { activitiesRepository } from '../../_shared/repositories/activities';
import type { ComplaintDoc } from '../../_shared/repositories/complaints';
import { usersRepository, type UserDoc } from '../../_shared/repositories/users';
import { actorOf } from './access';
import { errorSummary } from '../../_shared/runtime/safe-log';

const UNKNOWN_PERSON = '（已不在本站）';
const ANONYMOUS = '匿名居民';
const SYSTEM = '系统';
/** The start of the text a sender sees in their own list. */
const EXCERPT_CHARS = 40;

/** Names and titles for a set of complaints (and other people: readers), fetched at once: two reads. */
async function lookups(docs: readonly ComplaintDoc[], otherPeople: readonly string[] = []) {
  const personIds = new Set<string>(otherPeople);
  const activityIds = new Set<string>();
  for (const doc of docs) {
    personIds.add(doc.senderId);
    if (doc.handlerId) personIds.add(doc.handlerId);
    if (doc.aboutStaffId) personIds.add(doc.aboutStaffId);
    if (doc.aboutActivityId) activityIds.add(doc.aboutActivityId);
    for (const event of doc.history) {
      if (event.by !== SYSTEM_ACTOR) personIds.add(event.by);
      if (event.handlerId) personIds.add(event.handlerId);
    }
  }
  const [people, activities] = await Promise.all([
    usersRepository.findMany([...personIds]),
    activitiesRepository.findMany([...activityIds]),
  ]);
  const byId = new Map(people.map((p) => [p._id, p]));
  const titles = new Map(activities.map((a) => [a._id, a.title]));
  return {
    person: (id: string): UserDoc | undefined => byId.get(id),
    name: (id: string): string => byId.get(id)?.name ?? UNKNOWN_PERSON,
    title: (id: string): string | null => titles.get(id) ?? null,
  };
}

type Lookups = Awaited<ReturnType<typeof lookups>>;

const about = (doc: ComplaintDoc, names: Lookups) => ({
  activityId: doc.aboutActivityId ?? null,
  activityTitle: doc.aboutActivityId ? names.title(doc.aboutActivityId) : null,
  staffName: doc.aboutStaffId ? names.name(doc.aboutStaffId) : null,
});

const iso = (date: Date | undefined): string | null => (date ? date.toISOString() : null);

/**
 * Rows for the sender's list and the staff inbox. No sender identity ever; the text's start only
 * in the sender's own list (staff read the text in the detail, which is audited).
 */
export async function summaryViews(
  docs: readonly ComplaintDoc[],
  viewer: UserDoc,
  now: Date,
): Promise<ComplaintSummary[]> {
  const names = await lookups(docs);
  return docs.map((doc) => ({
    id: doc._id,
    category: doc.category,
    excerpt: doc.senderId === viewer._id ? Array.from(doc.text).slice(0, EXCERPT_CHARS).join('') : null,
    status: doc.status,
    urgency: urgencyAt(doc, now),
    about: about(doc, names),
    anonymous: doc.anonymous,
    handlerName: doc.handlerId ? names.name(doc.handlerId) : null,
    receivedAt: doc.receivedAt.toISOString(),
    dueAt: doc.dueAt.toISOString(),
    repliedAt: iso(doc.lastRepliedAt),
    reopened: doc.history.some((event) => event.step === 'reopen'),
  }));
}

/**
 * A complaint as `viewer` may see it (the callers only show it to those who may see it at all;
 * this decides what is withheld): the sender's identity only where maySeeSender says so, the
 * sender's own steps in the trail as 匿名居民 otherwise, photos as links that expire in minutes.
 */
export async function complaintView(
  doc: ComplaintDoc,
  viewer: UserDoc,
  now: Date,
  reads: { by: string; at: Date }[] | null = null,
): Promise<ComplaintView> {
  const capacities = capacitiesOf(doc, actorOf(viewer));
  if (!maySeeComplaint(capacities)) throw new Error('complaintView called for a viewer who may not see it');
  const names = await lookups(
    [doc],
    reads?.map((r) => r.by),
  );
  const showSender = maySeeSender(doc, capacities);
  const staffView = capacities.handler || capacities.overseer;
  const sender = names.person(doc.senderId);

  const byName = (id: string): string => {
    if (id === SYSTEM_ACTOR) return SYSTEM;
    if (id === doc.senderId && !showSender) return ANONYMOUS;
    return names.name(id);
  };
  const history: ComplaintEventView[] = doc.history.map((event) => ({
    step: event.step,
    by: byName(event.by),
    at: event.at.toISOString(),
    note: event.note ?? null,
    handlerName: event.handlerId ? names.name(event.handlerId) : null,
  }));
  const until = capacities.sender && mayReopenAt(doc, now) ? reopenUntil(doc) : null;

  return {
    id: doc._id,
    category: doc.category,
    status: doc.status,
    urgency: urgencyAt(doc, now),
    text: doc.text,
    anonymous: doc.anonymous,
    about: about(doc, names),
    sender: showSender ? { name: sender?.name ?? UNKNOWN_PERSON, phone: sender?.phone ?? null } : null,
    handlerName: doc.handlerId ? names.name(doc.handlerId) : null,
    handlerId: staffView ? doc.handlerId : null,
    receivedAt: doc.receivedAt.toISOString(),
    dueAt: doc.dueAt.toISOString(),
    reply: doc.reply ?? null,
    repliedAt: iso(doc.lastRepliedAt),
    closedAt: iso(doc.closedAt),
    reopenUntil: until ? until.toISOString() : null,
    photoUrls: await photoUrls(doc),
    history,
    can: {
      reply: staffView && awaitsReply(doc.status),
      close: doc.status === 'replied',
      reopen: until !== null,
      reassign:
        capacities.overseer &&
        (isAllowedTransition('assign', doc.status) || isAllowedTransition('reassign', doc.status)),
    },
    reads: reads ? reads.map((r) => ({ by: names.name(r.by), at: r.at.toISOString() })) : null,
  };
}

/** Links valid for minutes (platform TEMP_FILE_URL_SECONDS); a storage hiccup hides a photo, not the complaint. */
async function photoUrls(doc: ComplaintDoc): Promise<string[]> {
  const links = await Promise.all(
    doc.photoFileIds.map(async (fileId) => {
      try {
        return await platform().tempFileUrl(fileId);
      } catch (error) {
        console.error(`[feedback] temp file link failed: ${errorSummary(error)}`);
        return null;
      }
    }),
  );
  return links.filter((link): link is string => link !== null);
}
