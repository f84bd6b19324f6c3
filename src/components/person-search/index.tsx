import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { RosterEntry, SignInResult } from '@linli/types/actions/checkin';
import InputAction from '@/components/input-action';
import { bookingLabel } from '@/components/roster-list';
import { useAction } from '@/hooks/use-action';
import { call } from '@/services/api';
import { formatClock } from '@/services/activity-time';
import './index.scss';

export type PersonSearchProps = { activityId: string } & (
  | {
      /** 代签: a proxy sign-in went through; the page shows the answer and refreshes the roster. */
      onSignedIn: (result: SignInResult) => void;
      onPick?: never;
      picked?: never;
    }
  | {
      /** 纸质签到补录: the person goes onto a list the page sends later; nothing is written here. */
      onPick: (entry: RosterEntry) => void;
      /** Who is on that list already (personIds): shown as 已加入 instead of a button. */
      picked: readonly string[];
      onSignedIn?: never;
    }
);

/**
 * Find a resident of the station by name or the last digits of their phone, and either sign
 * them in at once (代签, for someone who has no phone with them) or pick them for a paper list.
 * Both show whether the person is already signed in to this activity.
 */
export default function PersonSearch({ activityId, onSignedIn, onPick, picked }: PersonSearchProps) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<RosterEntry[] | null>(null);
  const search = useAction((text: string, _requestId: string) =>
    call('checkin', 'searchPeople', { activityId, query: text }),
  );
  const proxy = useAction((personId: string, requestId: string) =>
    call('checkin', 'proxySignIn', { activityId, personId }, { requestId }),
  );

  const find = async () => {
    const answer = await search.run(query.trim());
    if (answer) setResults(answer.items);
  };

  const signIn = async (entry: RosterEntry) => {
    const result = await proxy.run(entry.personId);
    if (!result) return;
    setResults((prev) =>
      (prev ?? []).map((item) =>
        item.personId === entry.personId ? { ...item, signedInAt: result.at, annulled: null } : item,
      ),
    );
    onSignedIn?.(result);
  };

  const error = search.fieldErrors.query ?? search.error?.message ?? proxy.error?.message;
  return (
    <View className="ll-person-search">
      <InputAction
        name="query"
        placeholder="姓名或手机尾号"
        value={query}
        maxLength={20}
        onChange={setQuery}
        buttonText="查找"
        pending={search.pending}
        onSubmit={() => void find()}
        error={error}
      />
      {results && results.length === 0 && (
        <Text className="ll-person-search__empty">
          {onPick ? '没有找到，可以用「登记新居民」' : '没有找到，可以用「现场登记」'}
        </Text>
      )}
      {results?.map((entry) => {
        const signedIn = !!entry.signedInAt && !entry.annulled;
        return (
          <View key={entry.personId} className="ll-person-search__row" data-testid="person-result">
            <View className="ll-person-search__who">
              <Text className="ll-person-search__name">{entry.name}</Text>
              <Text className="ll-person-search__meta">
                {[entry.communityName, entry.phoneTail ? `尾号${entry.phoneTail}` : null, bookingLabel(entry)]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </View>
            {signedIn && entry.signedInAt ? (
              <Text className="ll-person-search__done">已签到 {formatClock(entry.signedInAt)}</Text>
            ) : picked?.includes(entry.personId) ? (
              <Text className="ll-person-search__done">已加入</Text>
            ) : onPick ? (
              <Button type="primary" fill="outline" onClick={() => onPick(entry)}>
                加入名单
              </Button>
            ) : (
              <Button
                type="primary"
                loading={proxy.pending}
                disabled={proxy.pending}
                onClick={() => void signIn(entry)}
              >
                代签
              </Button>
            )}
          </View>
        );
      })}
    </View>
  );
}
