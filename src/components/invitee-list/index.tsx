import { Text, View } from '@tarojs/components';
import type { PersonRef } from '@linli/types/entities/user';
import ResidentSearch, { personMeta } from '@/components/resident-search';
import './index.scss';

export interface InviteeListProps {
  invitees: readonly PersonRef[];
  onChange: (next: PersonRef[]) => void;
}

/**
 * 受邀名单 of an invitation-only activity: who is on it (name, community, phone tail, so two
 * residents of one name can be told apart), removing them, and adding residents found by name or
 * phone tail. The list lives in the form and is sent whole with the activity.
 */
export default function InviteeList({ invitees, onChange }: InviteeListProps) {
  const chosen = new Set(invitees.map((person) => person.personId));
  return (
    <View className="ll-invitee-list">
      {invitees.length === 0 ? (
        <Text className="ll-invitee-list__empty">还没有邀请居民：名单以外的居民不能报名。</Text>
      ) : (
        <Text className="ll-invitee-list__count">已邀请 {invitees.length} 位居民</Text>
      )}
      {invitees.map((person) => (
        <View key={person.personId} className="ll-invitee-list__row" data-testid="invitee">
          <View className="ll-invitee-list__who">
            <Text className="ll-invitee-list__name">{person.name}</Text>
            <Text className="ll-invitee-list__meta">{personMeta(person)}</Text>
          </View>
          <View
            className="ll-invitee-list__remove"
            role="button"
            aria-label={`移除${person.name}`}
            onClick={() => onChange(invitees.filter((other) => other.personId !== person.personId))}
          >
            移除
          </View>
        </View>
      ))}
      <Text className="ll-invitee-list__heading">添加居民</Text>
      <ResidentSearch
        actionText="添加"
        chosen={chosen}
        chosenText="已在名单"
        onPick={(person) => onChange([...invitees, person])}
      />
    </View>
  );
}
