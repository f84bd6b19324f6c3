import { Text, View } from '@tarojs/components';
import type { Profile } from '@linli/types/entities/user';
import RoleTags from '@/components/role-tags';
import './index.scss';

export interface ProfileCardProps {
  profile: Pick<Profile, 'name' | 'roles' | 'phoneMasked'>;
  stationName: string;
  communityName: string;
}

/** Who I am here: name, where I belong, my roles and the (masked) phone on record. */
export default function ProfileCard({ profile, stationName, communityName }: ProfileCardProps) {
  return (
    <View className="ll-profile-card">
      <View className="ll-profile-card__head">
        <View className="ll-profile-card__avatar">
          <Text>{profile.name.slice(0, 1)}</Text>
        </View>
        <View className="ll-profile-card__who">
          <Text className="ll-profile-card__name">{profile.name}</Text>
          <RoleTags roles={profile.roles} />
        </View>
      </View>
      <View className="ll-profile-card__row">
        <Text className="ll-profile-card__label">所属</Text>
        <Text className="ll-profile-card__value">
          {[stationName, communityName].filter(Boolean).join(' · ') || '未选择'}
        </Text>
      </View>
      <View className="ll-profile-card__row">
        <Text className="ll-profile-card__label">手机</Text>
        <Text className="ll-profile-card__value">{profile.phoneMasked || '未填写'}</Text>
      </View>
    </View>
  );
}
