import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { Certificate } from '@linli/types/entities/hours';
import CertificateSheet, { printCertificate } from '@/components/certificate-sheet';
import ChoiceChips from '@/components/choice-chips';
import Field from '@/components/field';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import PickerField from '@/components/picker-field';
import { ErrorBanner } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { call } from '@/services/api';
import { inStation } from '@/services/dayjs';
import { toastSuccess } from '@/services/feedback';
import { isH5 } from '@/services/platform';
import { ROUTES, openPage } from '@/services/routes';
import './index.scss';

export type PeriodPreset = 'this_year' | 'last_year' | 'twelve_months' | 'custom';

const PRESETS = [
  { value: 'this_year', label: '今年' },
  { value: 'last_year', label: '去年' },
  { value: 'twelve_months', label: '近12个月' },
  { value: 'custom', label: '自选日期' },
] as const;

export interface Period {
  fromDate: string;
  toDate: string;
}

/** The days a preset covers, inclusive, in station time (`custom` is what was picked). */
export function periodOf(preset: PeriodPreset, now: Date, custom: Period): Period {
  const today = inStation(now);
  const year = today.year();
  if (preset === 'this_year') return { fromDate: `${year}-01-01`, toDate: today.format('YYYY-MM-DD') };
  if (preset === 'last_year') return { fromDate: `${year - 1}-01-01`, toDate: `${year - 1}-12-31` };
  if (preset === 'twelve_months') {
    return {
      fromDate: today.subtract(1, 'year').add(1, 'day').format('YYYY-MM-DD'),
      toDate: today.format('YYYY-MM-DD'),
    };
  }
  return custom;
}

/**
 * 开具服务记录证明: pick a period, and the function issues the certificate of this station's
 * approved records in it (谁记录谁证明) — numbered, with a verification code — to print (H5) or
 * keep. The content is fixed at issue; anyone can check it later on 核验服务证明.
 */
export default function CertificatePage() {
  const [preset, setPreset] = useState<PeriodPreset>('this_year');
  const [custom, setCustom] = useState<Period>(() => periodOf('this_year', new Date(), { fromDate: '', toDate: '' }));
  const [certificate, setCertificate] = useState<Certificate | null>(null);
  const issue = useAction((period: Period, requestId: string) =>
    call('hours', 'issueCertificate', period, { requestId }),
  );
  const period = periodOf(preset, new Date(), custom);

  const submit = async () => {
    const issued = await issue.run(period);
    if (issued) setCertificate(issued);
  };

  const copy = () => {
    if (!certificate) return;
    void Taro.setClipboardData({ data: `证明编号 ${certificate.number} 校验码 ${certificate.code}` }).then(() =>
      toastSuccess('已复制'),
    );
  };

  if (certificate) {
    return (
      <PageShell className="certificate-page">
        <CertificateSheet certificate={certificate} />
        <View className="certificate-page__actions">
          {isH5() && (
            // The print stylesheet (components/certificate-sheet) leaves only the sheet on A4.
            <Button type="primary" size="large" block onClick={printCertificate}>
              打印
            </Button>
          )}
          <Button type="primary" fill="outline" size="large" block onClick={copy}>
            复制编号和校验码
          </Button>
          <Button fill="outline" block onClick={() => setCertificate(null)}>
            换一个期间
          </Button>
        </View>
        <Text className="certificate-page__hint">
          {isH5()
            ? '打印后请社工站盖章。证明的内容在开具时就固定了；以后有新的时长，可以再开一份。'
            : '请截屏保存，或在电脑上打开「邻里」打印后请社工站盖章。证明的内容在开具时就固定了。'}
        </Text>
      </PageShell>
    );
  }

  const periodError = issue.fieldErrors.toDate ?? issue.fieldErrors.fromDate;
  return (
    <PageShell className="certificate-page">
      <PageHeader
        title="开具服务记录证明"
        subtitle="列出所选期间内本站记录、社工审核通过的服务，可打印盖章，用于评优、升学、求职等。"
      />
      {issue.error && !periodError && <ErrorBanner message={issue.error.message} />}
      <Field label="服务期间" error={periodError}>
        <ChoiceChips label="服务期间" options={PRESETS} value={preset} onChange={setPreset} />
        {preset === 'custom' && (
          <View className="certificate-page__dates">
            <PickerField
              label="开始日期"
              mode="date"
              value={custom.fromDate}
              display={custom.fromDate}
              onChange={(fromDate) => setCustom({ ...custom, fromDate })}
            />
            <Text className="certificate-page__to">至</Text>
            <PickerField
              label="结束日期"
              mode="date"
              value={custom.toDate}
              display={custom.toDate}
              onChange={(toDate) => setCustom({ ...custom, toDate })}
            />
          </View>
        )}
        <Text className="certificate-page__period" data-testid="certificate-period">
          {period.fromDate} 至 {period.toDate}
        </Text>
      </Field>
      <Button
        type="primary"
        size="large"
        block
        loading={issue.pending}
        disabled={issue.pending}
        onClick={() => void submit()}
      >
        开具证明
      </Button>
      <View className="certificate-page__verify" role="button" onClick={() => openPage(ROUTES.verifyCertificate)}>
        核验一份证明 ›
      </View>
    </PageShell>
  );
}
