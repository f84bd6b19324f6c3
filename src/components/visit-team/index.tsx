import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import type { Gender, VisitMember, VisitRole, VisitTeam as Team } from '@linli/types/entities/visit-team';
import ChoiceChips from '@/components/choice-chips';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { call } from '@/services/api';
import './index.scss';

const GENDERS = [
  { value: 'male', label: '男' },
  { value: 'female', label: '女' },
] as const;

/** Above this many volunteers, the list to add from gets a name filter. */
const FILTER_FROM = 8;

/**
 * 探访人员 of a home visit (入户探访): who went — social workers recorded here, volunteers recorded
 * here or signed in with the volunteer code — with their gender, and whether the team meets seed
 * 000's rule (至少2名社工，探访长者3名，且至少1名男性), in the server's words. Staff add and take off
 * members and record a gender where it is missing; every change answers the whole team again.
 */
export default function VisitTeam({ activityId }: { activityId: string }) {
  const team = useAsync(() => call('visits', 'team', { activityId }), [activityId]);
  const add = useAction((personId: string, role: VisitRole, requestId: string) =>
    call('visits', 'addMember', { activityId, personId, role }, { requestId }),
  );
  const remove = useAction((personId: string, requestId: string) =>
    call('visits', 'removeMember', { activityId, personId }, { requestId }),
  );
  const setGender = useAction((personId: string, gender: Gender, requestId: string) =>
    call('visits', 'setGender', { activityId, personId, gender }, { requestId }),
  );

  const apply = (answer: Team | undefined) => {
    if (answer) team.setData(answer);
  };

  if (!team.data) {
    if (team.error) return <Text className="ll-visit-team__error">{team.error.message}</Text>;
    return <Text className="ll-visit-team__empty">加载中…</Text>;
  }
  const { rule, members, check, candidates, activity } = team.data;
  const busy = add.pending || remove.pending || setGender.pending;
  const error = add.error?.message ?? remove.error?.message ?? setGender.error?.message;
  const cancelled = activity.status === 'cancelled';
  return (
    <View className="ll-visit-team">
      <Text className="ll-visit-team__rule">要求：{rule}</Text>
      <View
        className={`ll-visit-team__check ll-visit-team__check--${check.meets ? 'met' : 'short'}`}
        role="status"
        data-testid="visit-check"
      >
        {check.text}
      </View>

      {members.length === 0 && <Text className="ll-visit-team__empty">还没有登记探访人员</Text>}
      {members.map((member) => (
        <MemberRow
          key={member.personId}
          member={member}
          busy={busy}
          onGender={(gender) => void setGender.run(member.personId, gender).then(apply)}
          onRemove={() => void remove.run(member.personId).then(apply)}
        />
      ))}
      <Text className="ll-visit-team__hint">
        性别只用于核对“至少1名男性社工或志愿者”的配备要求，只在这里显示。用志愿者签到码签到的志愿者自动列入。
      </Text>

      {!cancelled && (
        <>
          <Candidates
            title="添加社工"
            people={candidates.staff}
            busy={busy}
            onAdd={(personId) => void add.run(personId, 'staff').then(apply)}
          />
          <Candidates
            title="添加志愿者（未扫码签到的）"
            people={candidates.volunteers}
            busy={busy}
            filter={candidates.volunteers.length > FILTER_FROM}
            onAdd={(personId) => void add.run(personId, 'volunteer').then(apply)}
          />
        </>
      )}
      {error && (
        <View className="ll-visit-team__error" role="alert">
          {error}
        </View>
      )}
    </View>
  );
}

function MemberRow({
  member,
  busy,
  onGender,
  onRemove,
}: {
  member: VisitMember;
  busy: boolean;
  onGender: (gender: Gender) => void;
  onRemove: () => void;
}) {
  return (
    <View className="ll-visit-team__member" data-testid="visit-member">
      <View className="ll-visit-team__line">
        <View className="ll-visit-team__who">
          <Text className="ll-visit-team__name">{member.name}</Text>
          <Text className="ll-visit-team__meta">
            {member.roleLabel} · {member.genderLabel} · {member.sourceLabel}
          </Text>
        </View>
        {member.removable && (
          <Button size="small" type="danger" fill="outline" disabled={busy} onClick={onRemove}>
            移出
          </Button>
        )}
      </View>
      <ChoiceChips
        label={`${member.name}的性别`}
        options={GENDERS}
        value={member.gender ?? ''}
        onChange={(gender) => {
          if (!busy && gender !== member.gender) onGender(gender);
        }}
      />
    </View>
  );
}

function Candidates({
  title,
  people,
  busy,
  filter = false,
  onAdd,
}: {
  title: string;
  people: readonly { personId: string; name: string }[];
  busy: boolean;
  filter?: boolean;
  onAdd: (personId: string) => void;
}) {
  const [query, setQuery] = useState('');
  if (people.length === 0) return null;
  const shown = query.trim() ? people.filter((p) => p.name.includes(query.trim())) : people;
  return (
    <View className="ll-visit-team__candidates">
      <Text className="ll-visit-team__subheading">{title}</Text>
      {filter && (
        <Input
          className="ll-visit-team__filter"
          name={`filter-${title}`}
          placeholder="按姓名查找"
          value={query}
          maxLength={20}
          onChange={setQuery}
        />
      )}
      {shown.map((person) => (
        <View key={person.personId} className="ll-visit-team__line" data-testid="visit-candidate">
          <Text className="ll-visit-team__name">{person.name}</Text>
          <Button size="small" type="primary" fill="outline" disabled={busy} onClick={() => onAdd(person.personId)}>
            添加
          </Button>
        </View>
      ))}
    </View>
  );
}
