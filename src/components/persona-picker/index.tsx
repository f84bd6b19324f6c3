import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { Persona } from '@linli/types/dev-auth';
import RoleTags from '@/components/role-tags';
import './index.scss';

export interface PersonaPickerProps {
  personas: readonly Persona[];
  /** The persona being logged in as (`''` for the new user), or null when idle. */
  pending: string | null;
  /** `undefined` means "a brand-new user". */
  onPick: (openid: string | undefined) => void;
}

const NEW_USER = '';

/** The dev login's persona cards, plus "start as a new user". */
export default function PersonaPicker({ personas, pending, onPick }: PersonaPickerProps) {
  const busy = pending !== null;
  return (
    <View className="ll-persona-picker">
      {personas.map((persona) => (
        <View key={persona.openid} className="ll-persona-picker__card" data-testid="persona-card">
          <View className="ll-persona-picker__head">
            <Text className="ll-persona-picker__name">{persona.name}</Text>
            <RoleTags roles={persona.roles} emptyText="尚未注册" />
          </View>
          <Text className="ll-persona-picker__place">
            {[persona.stationName, persona.communityName].filter(Boolean).join(' · ') || '尚未选择社区'}
          </Text>
          <Text className="ll-persona-picker__text">{persona.description}</Text>
          <Button
            type="primary"
            block
            loading={pending === persona.openid}
            disabled={busy}
            onClick={() => onPick(persona.openid)}
          >
            以{persona.name}的身份进入
          </Button>
        </View>
      ))}
      <View className="ll-persona-picker__card ll-persona-picker__card--new">
        <Text className="ll-persona-picker__name">新用户</Text>
        <Text className="ll-persona-picker__text">从头体验：第一次打开小程序、完善资料。</Text>
        <Button
          type="primary"
          fill="outline"
          block
          loading={pending === NEW_USER}
          disabled={busy}
          onClick={() => onPick(undefined)}
        >
          以新用户身份体验
        </Button>
      </View>
    </View>
  );
}
