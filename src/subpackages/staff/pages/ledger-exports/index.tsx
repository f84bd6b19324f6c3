import ContractExports from '@/components/contract-exports';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import StaffGate from '@/components/staff-gate';
import { useSession } from '@/hooks/use-session';

/** 导出台账: a contract's completion table and evidence pack, for the evaluators. */
export default function LedgerExportsPage() {
  return (
    <StaffGate need="staff">
      <LedgerExports />
    </StaffGate>
  );
}

function LedgerExports() {
  const { station } = useSession();
  return (
    <PageShell className="ledger-exports-page">
      <PageHeader title="导出台账" subtitle={station?.name} />
      <ContractExports />
    </PageShell>
  );
}
