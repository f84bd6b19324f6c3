import { Text, View } from '@tarojs/components';
import ConsentAgreement from '@/components/consent-agreement';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import {
  PRIVACY_NOTICE_INTRO,
  PRIVACY_NOTICE_TITLE,
  PRIVACY_NOTICE_VERSION,
  PRIVACY_SECTIONS,
} from '@/content/privacy';
import { useAction } from '@/hooks/use-action';
import { useSession } from '@/hooks/use-session';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import { needsConsent } from '@/services/privacy';
import './index.scss';

/**
 * 隐私保护指引: the notice text lives in src/content/privacy.ts. Someone who agreed to an older
 * version finds the 同意 under it (the app sends them here when a write answers CONSENT_REQUIRED).
 */
export default function PrivacyPage() {
  const session = useSession();
  const accept = useAction((guardianConsent: boolean, requestId: string) =>
    call(
      'account',
      'acceptPrivacy',
      { version: PRIVACY_NOTICE_VERSION, ...(guardianConsent ? { guardianConsent } : {}) },
      { requestId },
    ),
  );

  const agree = async (guardianConsent: boolean) => {
    if (!(await accept.run(guardianConsent))) return;
    await session.refresh();
    toastSuccess('已同意');
  };

  return (
    <PageShell className="privacy-page">
      <PageHeader title={PRIVACY_NOTICE_TITLE} subtitle={`更新日期：${PRIVACY_NOTICE_VERSION}`} />
      <Text className="privacy-page__paragraph">{PRIVACY_NOTICE_INTRO}</Text>
      {PRIVACY_SECTIONS.map((section) => (
        <View key={section.title} className="privacy-page__section">
          <Text className="privacy-page__title">{section.title}</Text>
          {section.paragraphs.map((paragraph) => (
            <Text key={paragraph} className="privacy-page__paragraph">
              {paragraph}
            </Text>
          ))}
        </View>
      ))}
      {needsConsent(session.profile) && (
        <ConsentAgreement
          minor={session.profile?.minor ?? false}
          pending={accept.pending}
          error={accept.fieldErrors.guardianConsent ?? accept.error?.message}
          onAgree={(guardianConsent) => void agree(guardianConsent)}
        />
      )}
    </PageShell>
  );
}
