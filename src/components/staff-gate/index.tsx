import type { ReactNode } from 'react';
import { useSession } from '@/hooks/use-session';
import { EmptyState, sessionFallback } from '@/components/state-views';

export interface StaffGateProps {
  /** `admin`: 站长 only; `staff`: 社工 or 站长. */
  need: 'staff' | 'admin';
  children: ReactNode;
}

/**
 * Shows a staff page only to those it is for. The functions check roles on every call; this
 * only spares others a page full of "no permission" errors.
 */
export default function StaffGate({ need, children }: StaffGateProps) {
  const session = useSession();
  const fallback = sessionFallback(session);
  if (fallback) return <>{fallback}</>;
  const allowed = need === 'admin' ? session.isAdmin : session.isStaff;
  if (!allowed) {
    return (
      <EmptyState
        title={need === 'admin' ? '仅站长可用' : '仅社工站工作人员可用'}
        description="如果您是工作人员，请先在「我的」中兑换邀请码。"
      />
    );
  }
  return <>{children}</>;
}
