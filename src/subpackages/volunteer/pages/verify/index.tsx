import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import type { Certificate } from '@linli/types/entities/hours';
import CertificateSheet from '@/components/certificate-sheet';
import Field from '@/components/field';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import { useAction } from '@/hooks/use-action';
import { call } from '@/services/api';
import './index.scss';

function param(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * 核验服务证明 (`?number=&code=` to check at once, as a link would): the number and the code as
 * printed on the paper → the certificate as it was issued, or 核验未通过. For anyone signed in,
 * volunteer or not (a school, an employer): no profile is asked for.
 */
export default function VerifyPage() {
  const params = useRouter().params;
  const [number, setNumber] = useState(() => param(params.number));
  const [code, setCode] = useState(() => param(params.code));
  const [problems, setProblems] = useState<{ number?: string; code?: string }>({});
  const [result, setResult] = useState<Certificate | null>(null);
  const verify = useAction((n: string, c: string, _requestId: string) =>
    call('hours', 'verifyCertificate', { number: n, code: c }),
  );

  const check = async (n: string, c: string) => {
    const found: typeof problems = {};
    if (n.trim().length < 5) found.number = '请输入证明上的编号';
    if (c.trim().length < 4) found.code = '请输入证明上的校验码';
    setProblems(found);
    if (found.number || found.code) return;
    setResult(null);
    const answer = await verify.run(n.trim(), c.trim());
    if (answer) setResult(answer);
  };

  // Opened by a link with both: check straight away.
  useEffect(() => {
    if (number && code) void check(number, code);
    // Once, on opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const failed = verify.error;
  return (
    <PageShell className="verify-page">
      <PageHeader title="核验服务证明" subtitle="输入纸质证明上的编号和校验码，查看证明开具时的内容。" />
      <Field label="证明编号" error={problems.number ?? verify.fieldErrors.number}>
        <Input
          name="number"
          placeholder="例如 LL-LINGNAN-2026-000001"
          value={number}
          maxLength={40}
          onChange={(value) => {
            setNumber(value);
            setProblems({ ...problems, number: undefined });
          }}
        />
      </Field>
      <Field label="校验码" error={problems.code ?? verify.fieldErrors.code}>
        <Input
          name="code"
          placeholder="例如 7K3M-Q9XD-2HBT-8W0R"
          value={code}
          maxLength={40}
          onChange={(value) => {
            setCode(value);
            setProblems({ ...problems, code: undefined });
          }}
        />
      </Field>
      <Button
        type="primary"
        size="large"
        block
        loading={verify.pending}
        disabled={verify.pending}
        onClick={() => void check(number, code)}
      >
        核验
      </Button>

      {failed && Object.keys(verify.fieldErrors).length === 0 && (
        <View className="verify-page__answer verify-page__answer--failed" role="alert">
          <Text className="verify-page__answer-title">
            {failed.code === 'CERTIFICATE_INVALID' ? '核验未通过' : '没有核验成功'}
          </Text>
          <Text className="verify-page__answer-text">{failed.message}</Text>
        </View>
      )}
      {result && (
        <View className="verify-page__result">
          <View className="verify-page__answer verify-page__answer--ok" role="status">
            <Text className="verify-page__answer-title">核验通过</Text>
            <Text className="verify-page__answer-text">
              这份证明由{result.station}于{result.issuedOn}开具，以下是开具时的内容，请与纸质证明对照。
            </Text>
          </View>
          <CertificateSheet certificate={result} />
        </View>
      )}
    </PageShell>
  );
}
