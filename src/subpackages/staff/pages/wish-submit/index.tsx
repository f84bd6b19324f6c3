import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { PersonRef } from '@linli/types/entities/user';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import ResidentSearch, { personMeta } from '@/components/resident-search';
import StaffGate from '@/components/staff-gate';
import WishForm, { type WishFormValues } from '@/components/wish-form';
import { useAction } from '@/hooks/use-action';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import { askToSubscribe } from '@/services/subscriptions';
import { ROUTES, replacePage } from '@/services/routes';
import './index.scss';

/**
 * 代居民提交心愿 — the usual case: a social worker visiting a resident in hardship writes the wish
 * down for them. Find the resident (name or phone tail), then the wish and its confidential 困难类别.
 * The wish is theirs: it appears in their 我的心愿, and they (or staff) confirm receipt.
 */
export default function StaffWishSubmitPage() {
  return (
    <StaffGate need="staff">
      <StaffWishSubmit />
    </StaffGate>
  );
}

function StaffWishSubmit() {
  const [person, setPerson] = useState<PersonRef | null>(null);
  const submit = useAction((beneficiaryId: string, values: WishFormValues, requestId: string) =>
    call('wishes', 'submit', { ...values, beneficiaryId }, { requestId }),
  );

  const send = async (values: WishFormValues) => {
    if (!person) return;
    // The social worker hears of the steps too (the resident may have no WeChat): ask inside the tap.
    void askToSubscribe('wish');
    const saved = await submit.run(person.personId, values);
    if (!saved) return;
    toastSuccess('已代为提交');
    replacePage(ROUTES.staffWish, { id: saved.id });
  };

  return (
    <PageShell className="wish-submit-staff-page">
      <PageHeader
        title="代居民提交心愿"
        subtitle="先找到居民，再写下他的心愿。心愿属于居民本人，他可以在「我的心愿」里看到。"
      />
      {person ? (
        <View className="wish-submit-staff-page__person" data-testid="wish-beneficiary">
          <View className="wish-submit-staff-page__who">
            <Text className="wish-submit-staff-page__name">为 {person.name} 提交</Text>
            <Text className="wish-submit-staff-page__meta">{personMeta(person)}</Text>
          </View>
          <View className="wish-submit-staff-page__change" role="button" onClick={() => setPerson(null)}>
            换一位
          </View>
        </View>
      ) : (
        <ResidentSearch actionText="选择" onPick={setPerson} />
      )}
      {person && (
        <WishForm
          showHardship
          submitText="提交心愿"
          pending={submit.pending}
          fieldErrors={submit.fieldErrors}
          error={submit.error?.message}
          onSubmit={(values) => void send(values)}
        />
      )}
    </PageShell>
  );
}
