import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { MAX_PARTY_SIZE } from '@linli/types/entities/activity';
import './index.scss';

/** Family members one booking may bring besides the booker (the contract's party limit minus me). */
export const MAX_MEMBERS = MAX_PARTY_SIZE - 1;

export interface PartyEditorProps {
  /** The names typed so far, one per family member coming along (may be blank while typing). */
  members: readonly string[];
  onChange: (members: string[]) => void;
  /** Messages per row (a blank name; a field error `members.1.name` from the server). */
  errors?: Readonly<Record<number, string>>;
  disabled?: boolean;
}

/**
 * 带家人一起来: up to five names besides mine; the total seats are shown as they change. One scan
 * at the door later signs in the whole party.
 */
export default function PartyEditor({ members, onChange, errors = {}, disabled }: PartyEditorProps) {
  const total = members.length + 1;
  const full = members.length >= MAX_MEMBERS;
  const rename = (index: number, name: string) => onChange(members.map((old, i) => (i === index ? name : old)));
  const remove = (index: number) => onChange(members.filter((_, i) => i !== index));

  return (
    <View className="ll-party-editor">
      <View className="ll-party-editor__head">
        <Text className="ll-party-editor__title">同行家人</Text>
        <Text className="ll-party-editor__total" data-testid="party-total">
          共{total}人（含本人）
        </Text>
      </View>
      {members.map((name, index) => (
        <View key={index} className="ll-party-editor__row">
          <View className="ll-party-editor__line">
            <Input
              className="ll-party-editor__input"
              name={`member-${index}`}
              placeholder={`家人${index + 1}的姓名`}
              value={name}
              maxLength={20}
              disabled={disabled}
              onChange={(value) => rename(index, value)}
            />
            <View className="ll-party-editor__remove" role="button" onClick={() => !disabled && remove(index)}>
              删除
            </View>
          </View>
          {errors[index] && (
            <View className="ll-party-editor__error" role="alert">
              {errors[index]}
            </View>
          )}
        </View>
      ))}
      {full ? (
        <Text className="ll-party-editor__hint">最多可带{MAX_MEMBERS}位家人；人更多时请联系社工。</Text>
      ) : (
        <Button fill="outline" type="primary" block disabled={disabled} onClick={() => onChange([...members, ''])}>
          ＋ 添加同行家人
        </Button>
      )}
    </View>
  );
}
