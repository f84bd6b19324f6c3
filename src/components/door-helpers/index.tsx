import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { ActionOutput } from '@linli/types/api';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { call } from '@/services/api';
import { formatMoment } from '@/services/activity-time';
import './index.scss';

type Helpers = ActionOutput<'checkin', 'helpers'>;
type HelperList = ActionOutput<'checkin', 'grantHelper'>['items'];

/**
 * After a grant or a revocation the function answers with the helpers only; the candidates are
 * the station's volunteers who are not helpers, so they follow from what was known before.
 */
function withHelpers(before: Helpers, items: HelperList): Helpers {
  const helping = new Set(items.map((item) => item.openid));
  const volunteers = [...before.candidates, ...before.items.map(({ openid, name }) => ({ openid, name }))];
  const seen = new Set<string>();
  const candidates = volunteers.filter((v) => {
    if (helping.has(v.openid) || seen.has(v.openid)) return false;
    seen.add(v.openid);
    return true;
  });
  return { items, candidates };
}

/**
 * 协助扫码的志愿者: which of the station's volunteers may scan residents' personal codes at this
 * activity's door. A helper sees only each scan's outcome with the name masked, never the
 * roster; the grant ends with the activity or when revoked here.
 */
export default function DoorHelpers({ activityId }: { activityId: string }) {
  const helpers = useAsync(() => call('checkin', 'helpers', { activityId }), [activityId]);
  const grant = useAction((openid: string, requestId: string) =>
    call('checkin', 'grantHelper', { activityId, openid }, { requestId }),
  );
  const revoke = useAction((openid: string, requestId: string) =>
    call('checkin', 'revokeHelper', { activityId, openid }, { requestId }),
  );

  const change = async (action: typeof grant, openid: string) => {
    const answer = await action.run(openid);
    if (answer && helpers.data) helpers.setData(withHelpers(helpers.data, answer.items));
  };

  if (!helpers.data) {
    if (helpers.error) return <Text className="ll-door-helpers__error">{helpers.error.message}</Text>;
    return <Text className="ll-door-helpers__empty">加载中…</Text>;
  }
  const { items, candidates } = helpers.data;
  const busy = grant.pending || revoke.pending;
  const error = grant.error?.message ?? revoke.error?.message;
  return (
    <View className="ll-door-helpers">
      <Text className="ll-door-helpers__hint">
        授权的志愿者在「我的 → 协助扫码」扫居民的签到码帮忙签到，只看到打码的姓名，看不到名单。活动结束后授权自动失效。
      </Text>
      {items.length === 0 && <Text className="ll-door-helpers__empty">还没有授权志愿者</Text>}
      {items.map((helper) => (
        <View key={helper.openid} className="ll-door-helpers__row" data-testid="door-helper">
          <View className="ll-door-helpers__who">
            <Text className="ll-door-helpers__name">{helper.name}</Text>
            <Text className="ll-door-helpers__meta">授权于 {formatMoment(helper.grantedAt)}</Text>
          </View>
          <Button
            size="small"
            type="danger"
            fill="outline"
            disabled={busy}
            onClick={() => void change(revoke, helper.openid)}
          >
            取消授权
          </Button>
        </View>
      ))}
      {candidates.length > 0 && <Text className="ll-door-helpers__subheading">可以授权的志愿者</Text>}
      {candidates.map((volunteer) => (
        <View key={volunteer.openid} className="ll-door-helpers__row" data-testid="helper-candidate">
          <Text className="ll-door-helpers__name">{volunteer.name}</Text>
          <Button
            size="small"
            type="primary"
            fill="outline"
            disabled={busy}
            onClick={() => void change(grant, volunteer.openid)}
          >
            授权扫码
          </Button>
        </View>
      ))}
      {items.length === 0 && candidates.length === 0 && (
        <Text className="ll-door-helpers__empty">本站还没有审核通过的志愿者</Text>
      )}
      {error && (
        <View className="ll-door-helpers__error" role="alert">
          {error}
        </View>
      )}
    </View>
  );
}
