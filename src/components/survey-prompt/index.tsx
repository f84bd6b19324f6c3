import { Text, View } from '@tarojs/components';
import { useEffect, useRef } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { formatMoment } from '@/services/activity-time';
import { call } from '@/services/api';
import { ROUTES, openPage } from '@/services/routes';
import './index.scss';

export interface SurveyPromptProps {
  activityId: string;
  /**
   * Opened from the invitation message (`&feedback=1`): go straight to the form if it is open.
   * Only once, so coming back from the form does not send the person there again.
   */
  autoOpen?: boolean;
}

/**
 * The satisfaction form on the activity page, for those who came: 填写意见表 once it is open
 * (after sign-out or the end), thanks once answered, and when it opens before that. Nothing at
 * all for anyone else, or when the activity has no form.
 */
export default function SurveyPrompt({ activityId, autoOpen = false }: SurveyPromptProps) {
  const mine = useAsync(() => call('surveys', 'myForm', { activityId }), [activityId]);
  usePageRefresh(mine.reload);
  const opened = useRef(false);
  const state = mine.data?.state;

  useEffect(() => {
    if (autoOpen && state === 'open' && !opened.current) {
      opened.current = true;
      openPage(ROUTES.survey, { id: activityId });
    }
  }, [autoOpen, state, activityId]);

  if (!mine.data) return null;
  const { opensAt } = mine.data;
  if (state === 'open') {
    return (
      <View className="ll-survey-prompt ll-survey-prompt--open">
        <Text className="ll-survey-prompt__title">活动意见表</Text>
        <Text className="ll-survey-prompt__text">感谢您参加！花一两分钟说说您的感受，帮我们把活动办得更好。</Text>
        <Button type="primary" size="large" block onClick={() => openPage(ROUTES.survey, { id: activityId })}>
          填写意见表
        </Button>
      </View>
    );
  }
  if (state === 'answered') {
    return (
      <View className="ll-survey-prompt">
        <Text className="ll-survey-prompt__title">已填写意见表，谢谢您！</Text>
        <View
          className="ll-survey-prompt__link"
          role="button"
          onClick={() => openPage(ROUTES.survey, { id: activityId })}
        >
          查看我填写的内容
        </View>
      </View>
    );
  }
  if (state === 'not_yet' && opensAt) {
    return (
      <View className="ll-survey-prompt">
        <Text className="ll-survey-prompt__text">签退后或活动结束后（{formatMoment(opensAt)}）可以填写意见表。</Text>
      </View>
    );
  }
  return null;
}
