import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { PersonRef } from '@linli/types/entities/user';
import InputAction from '@/components/input-action';
import { useAction } from '@/hooks/use-action';
import { call } from '@/services/api';
import './index.scss';

export interface ResidentSearchProps {
  /** The button on each resident found: 添加, 签到卡 … */
  actionText: string;
  onPick: (person: PersonRef) => void;
  /** Residents already chosen (personIds): they show `chosenText` instead of the button. */
  chosen?: ReadonlySet<string>;
  chosenText?: string;
}

/** `湖滨社区 · 尾号0011`: enough to tell two residents of the same name apart. */
export function personMeta(person: Pick<PersonRef, 'communityName' | 'phoneTail'>): string {
  return [person.communityName, person.phoneTail ? `尾号${person.phoneTail}` : null].filter(Boolean).join(' · ');
}

/**
 * Find a resident of the station by name or the last digits of their phone (station.searchResidents,
 * at most 20) and pick one — for an invitation list, a code card. Nothing is written here.
 */
export default function ResidentSearch({ actionText, onPick, chosen, chosenText = '已添加' }: ResidentSearchProps) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PersonRef[] | null>(null);
  const search = useAction((text: string, _requestId: string) => call('station', 'searchResidents', { query: text }));

  const find = async () => {
    const answer = await search.run(query.trim());
    if (answer) setResults(answer.items);
  };

  return (
    <View className="ll-resident-search">
      <InputAction
        name="resident-query"
        placeholder="姓名或手机尾号"
        value={query}
        maxLength={20}
        onChange={setQuery}
        buttonText="查找"
        pending={search.pending}
        onSubmit={() => void find()}
        error={search.fieldErrors.query ?? search.error?.message}
      />
      {results && results.length === 0 && (
        <Text className="ll-resident-search__empty">没有找到这位居民，请换个写法或用手机尾号查找</Text>
      )}
      {results?.map((person) => (
        <View key={person.personId} className="ll-resident-search__row" data-testid="resident-result">
          <View className="ll-resident-search__who">
            <Text className="ll-resident-search__name">{person.name}</Text>
            <Text className="ll-resident-search__meta">{personMeta(person)}</Text>
          </View>
          {chosen?.has(person.personId) ? (
            <Text className="ll-resident-search__chosen">{chosenText}</Text>
          ) : (
            <Button type="primary" fill="outline" onClick={() => onPick(person)}>
              {actionText}
            </Button>
          )}
        </View>
      ))}
    </View>
  );
}
