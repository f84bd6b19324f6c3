import { Text, View } from '@tarojs/components';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import {
  PRIVACY_NOTICE_INTRO,
  PRIVACY_NOTICE_TITLE,
  PRIVACY_NOTICE_VERSION,
  PRIVACY_SECTIONS,
} from '@/content/privacy';
import './index.scss';

/** 隐私保护指引: the notice text lives in src/content/privacy.ts. */
export default function PrivacyPage() {
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
    </PageShell>
  );
}
