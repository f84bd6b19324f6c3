import { Text, View } from '@tarojs/components';
import { ROLE_LABELS, ROLES, type Role } from '@linli/types/entities/common';
import './index.scss';

export interface RoleTagsProps {
  roles?: readonly Role[];
  /** Shown when there are no roles (e.g. before registration); nothing when omitted. */
  emptyText?: string;
}

/** Most responsible role first: 站长, 社工, 志愿者, 居民. */
const ORDER: readonly Role[] = [...ROLES].reverse();

/** A person's roles as small tags (站长 / 社工 / 志愿者 / 居民). */
export default function RoleTags({ roles = [], emptyText }: RoleTagsProps) {
  const sorted = ORDER.filter((role) => roles.includes(role));
  if (sorted.length === 0) {
    return emptyText ? <Text className="ll-role-tags__empty">{emptyText}</Text> : null;
  }
  return (
    <View className="ll-role-tags">
      {sorted.map((role) => (
        <Text key={role} className={`ll-role-tags__tag ll-role-tags__tag--${role}`}>
          {ROLE_LABELS[role]}
        </Text>
      ))}
    </View>
  );
}
