import type { RegistrationStatus } from '@linli/types/entities/volunteer';
import { REGISTRATION_STATUS_LABELS } from '@linli/types/entities/volunteer';
import StatusBadge, { type BadgeTone } from '@/components/status-badge';

const TONES: Record<RegistrationStatus, BadgeTone> = {
  pending: 'warning',
  approved: 'accent',
  rejected: 'danger',
};

/** A volunteer registration's state for staff: 待审核, 已通过, 未通过. */
export default function RegistrationBadge({ status }: { status: RegistrationStatus }) {
  return <StatusBadge text={REGISTRATION_STATUS_LABELS[status]} tone={TONES[status]} />;
}
