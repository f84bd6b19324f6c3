import { Text, View } from '@tarojs/components';
import { SIGN_IN_METHOD_LABELS, type Attendance } from '@linli/types/entities/activity';
import { formatClock } from '@/services/activity-time';
import './index.scss';

export interface AttendanceCardProps {
  attendance: Attendance;
  /** At a 小组 series: how many of its sessions I attended. */
  sessionsAttended?: number;
}

/** My sign-in at an activity: when I signed in (and out), for how many, and how. */
export default function AttendanceCard({ attendance, sessionsAttended }: AttendanceCardProps) {
  const session = attendance.session ? `第${attendance.session}节 ` : '';
  if (attendance.annulled) {
    return (
      <View className="ll-attendance-card ll-attendance-card--annulled">
        <Text className="ll-attendance-card__title">签到已撤销</Text>
        <Text className="ll-attendance-card__text">工作人员撤销了这次签到；如有疑问，请联系社工。</Text>
      </View>
    );
  }
  return (
    <View className="ll-attendance-card">
      <Text className="ll-attendance-card__title">
        {session}已签到 {formatClock(attendance.signedInAt)}
      </Text>
      {attendance.signedOutAt && (
        <Text className="ll-attendance-card__title">已签退 {formatClock(attendance.signedOutAt)}</Text>
      )}
      <Text className="ll-attendance-card__text">
        {attendance.headcount > 1 ? `共${attendance.headcount}人 · ` : ''}
        {SIGN_IN_METHOD_LABELS[attendance.method]}
        {sessionsAttended !== undefined ? ` · 已参加${sessionsAttended}节` : ''}
      </Text>
    </View>
  );
}
