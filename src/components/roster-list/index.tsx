import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { ActionOutput } from '@linli/types/api';
import type { RosterEntry } from '@linli/types/actions/checkin';
import { SIGN_IN_METHOD_LABELS } from '@linli/types/entities/activity';
import { formatClock, formatMoment } from '@/services/activity-time';
import './index.scss';

type Counts = ActionOutput<'checkin', 'roster'>['counts'];

const COUNT_LABELS: [keyof Counts, string][] = [
  ['booked', '已报名'],
  ['waitlisted', '候补'],
  ['signedIn', '已签到'],
  ['signedOut', '已签退'],
  ['noShow', '未到'],
];

/** The roster's numbers, in people (a family of three counts three). */
export function RosterCounts({ counts }: { counts: Counts }) {
  return (
    <View className="ll-roster-counts">
      {COUNT_LABELS.map(([key, label]) => (
        <View
          key={key}
          className={`ll-roster-counts__item ll-roster-counts__item--${key}`}
          data-testid={`count-${key}`}
        >
          <Text className="ll-roster-counts__number">{counts[key]}</Text>
          <Text className="ll-roster-counts__label">{label}</Text>
        </View>
      ))}
    </View>
  );
}

const BOOKING_LABELS = { confirmed: '已报名', waitlisted: '候补', cancelled: '已取消报名' } as const;

/** 已报名 / 候补 / 现场登记 / 未报名: how the person came to be on the list. */
export function bookingLabel(entry: Pick<RosterEntry, 'booking' | 'walkIn'>): string {
  if (entry.walkIn) return '现场登记';
  return entry.booking ? BOOKING_LABELS[entry.booking] : '未报名';
}

export interface RosterListProps {
  entries: readonly RosterEntry[];
  /** Offered on every valid sign-in; the page asks for the reason. */
  onAnnul?: (entry: RosterEntry) => void;
  /** 打印签到卡 for anyone on the list: a walk-in without a phone goes home with a card. */
  onPrintCard?: (entry: RosterEntry) => void;
}

/**
 * Everyone on the roster: who, from where, how many, booking, sign-in and sign-out times, how
 * they signed in and who recorded it. An annulled sign-in stays on the list, struck through,
 * with who annulled it and why: the record is evidence and is never silently removed.
 */
export default function RosterList({ entries, onAnnul, onPrintCard }: RosterListProps) {
  if (entries.length === 0) return <Text className="ll-roster-list__empty">名单上还没有人</Text>;
  return (
    <View className="ll-roster-list">
      {entries.map((entry) => {
        const signedIn = !!entry.signedInAt && !entry.annulled;
        return (
          <View
            key={entry.personId}
            className={`ll-roster-list__entry${entry.annulled ? ' ll-roster-list__entry--annulled' : ''}`}
            data-testid="roster-entry"
          >
            <View className="ll-roster-list__head">
              <Text className="ll-roster-list__name">{entry.name}</Text>
              <Text className="ll-roster-list__party">{entry.partySize > 1 ? `共${entry.partySize}人` : '1人'}</Text>
            </View>
            <Text className="ll-roster-list__meta">
              {[entry.communityName, entry.phoneTail ? `尾号${entry.phoneTail}` : null, bookingLabel(entry)]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {entry.signedInAt && (
              <Text className="ll-roster-list__times">
                签到 {formatClock(entry.signedInAt)}
                {entry.signedOutAt ? ` · 签退 ${formatClock(entry.signedOutAt)}` : ''}
                {entry.method ? ` · ${SIGN_IN_METHOD_LABELS[entry.method]}` : ''}
                {entry.recordedBy ? ` · 记录人 ${entry.recordedBy}` : ''}
              </Text>
            )}
            {!entry.signedInAt && !entry.annulled && <Text className="ll-roster-list__absent">未签到</Text>}
            {entry.annulled && (
              <Text className="ll-roster-list__annulled">
                已撤销：{entry.annulled.reason}（{entry.annulled.by}，{formatMoment(entry.annulled.at)}）
              </Text>
            )}
            {((signedIn && onAnnul) || onPrintCard) && (
              <View className="ll-roster-list__actions">
                {onPrintCard && (
                  <Button size="small" type="primary" fill="outline" onClick={() => onPrintCard(entry)}>
                    打印签到卡
                  </Button>
                )}
                {signedIn && onAnnul && (
                  <Button size="small" type="danger" fill="outline" onClick={() => onAnnul(entry)}>
                    撤销签到
                  </Button>
                )}
              </View>
            )}
          </View>
        );
      })}
    </View>
  );
}
