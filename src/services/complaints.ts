import {
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_STATUS_LABELS,
  type ComplaintSummary,
  type ComplaintView,
} from '@linli/types/entities/complaint';
import type { StatusText } from '@/components/status-badge';
import { formatMoment } from './activity-time';

type Row = Pick<ComplaintSummary, 'status' | 'urgency' | 'dueAt' | 'repliedAt' | 'about' | 'category'>;

/**
 * How a complaint's state reads. Due and overdue come from the function (`urgency`, computed on
 * its clock), never from the phone's clock: a phone set wrong must not hide an overdue reply.
 */
export function complaintBadge(row: Pick<Row, 'status' | 'urgency'>): StatusText {
  switch (row.urgency) {
    case 'overdue':
      return { text: '已超时', tone: 'danger' };
    case 'due_soon':
      return { text: '即将到期', tone: 'warning' };
    case 'replied':
      return { text: '已答复', tone: 'accent' };
    case 'closed':
      return { text: '已结束', tone: 'muted' };
    case 'waiting':
      return { text: COMPLAINT_STATUS_LABELS[row.status], tone: 'primary' };
  }
}

/** `投诉 · 关于「长者书法班」· 李社工`; just the category when it is about nothing in particular. */
export function complaintTitle(row: Pick<Row, 'category' | 'about'>): string {
  const parts: string[] = [COMPLAINT_CATEGORY_LABELS[row.category]];
  if (row.about.activityTitle) parts.push(`关于「${row.about.activityTitle}」`);
  if (row.about.staffName) parts.push(`关于${row.about.staffName}`);
  return parts.join(' · ');
}

/** The deadline line: when the owed reply is due, or when it was replied. */
export function deadlineText(row: Pick<Row, 'status' | 'urgency' | 'dueAt' | 'repliedAt'>): string {
  if (row.urgency === 'overdue') return `应于 ${formatMoment(row.dueAt)} 前答复，已超时`;
  if (row.urgency === 'due_soon' || row.urgency === 'waiting') return `应于 ${formatMoment(row.dueAt)} 前答复`;
  return row.repliedAt ? `${formatMoment(row.repliedAt)} 已答复` : '';
}

/** What the sender is told about who handles it and by when. */
export function senderPromise(view: Pick<ComplaintView, 'handlerName' | 'urgency' | 'dueAt'>): string | null {
  if (view.urgency === 'replied' || view.urgency === 'closed') return null;
  const who = view.handlerName ? `由${view.handlerName}负责处理，` : '';
  return `${who}将在 ${formatMoment(view.dueAt)} 前答复您。`;
}

/**
 * The workbench tile's badge: for a 站长 the station's overdue complaints first (they are flagged
 * to them); then the caller's own — overdue, due within 12 hours, or simply owed a reply.
 */
export function complaintsBadge(
  summary: { awaiting: number; dueSoon: number; overdue: number; stationOverdue: number | null } | undefined,
): StatusText | undefined {
  if (!summary) return undefined;
  if (summary.stationOverdue) return { text: `全站 ${summary.stationOverdue} 条已超时`, tone: 'danger' };
  if (summary.overdue > 0) return { text: `${summary.overdue} 条已超时`, tone: 'danger' };
  if (summary.dueSoon > 0) return { text: `${summary.dueSoon} 条即将到期`, tone: 'warning' };
  if (summary.awaiting > 0) return { text: `${summary.awaiting} 条待答复`, tone: 'primary' };
  return undefined;
}
