import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Checkbox from '@nutui/nutui-react-taro/dist/es/packages/checkbox';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { saveProfileInput, type SaveProfileInput, type StationDirectoryEntry } from '@linli/types/actions/account';
import Field from '@/components/field';
import CommunityPicker, { type CommunityChoice } from '@/components/community-picker';
import './index.scss';

export interface ProfileFormInitial {
  name: string;
  stationId: string;
  communityId: string;
  /** What is on record, masked; the full number never comes back from the server. */
  phoneMasked?: string;
  /** Already agreed to the notice in force (editing a profile; false after the notice changed). */
  consented: boolean;
  /** Under 14, with the guardian on record (their phone is never sent back: it is asked again). */
  minor?: boolean;
  guardianName?: string;
}

export interface ProfileFormProps {
  stations: readonly StationDirectoryEntry[];
  initial?: ProfileFormInitial;
  submitting: boolean;
  /** Field errors the server answered with (ApiError.fields by path). */
  serverErrors: Record<string, string>;
  onSubmit: (input: SaveProfileInput) => void;
  onOpenPrivacy: () => void;
}

type FieldName =
  | 'name'
  | 'community'
  | 'phone'
  | 'consent'
  | 'minor'
  | 'guardianName'
  | 'guardianPhone'
  | 'guardianConsent';

/** Which form field shows the error for a path of the saveProfile input. */
const FIELD_OF_PATH: Record<string, FieldName> = {
  name: 'name',
  stationId: 'community',
  communityId: 'community',
  phone: 'phone',
  consent: 'consent',
  minor: 'minor',
  guardian: 'guardianName',
  'guardian.name': 'guardianName',
  'guardian.phone': 'guardianPhone',
  'guardian.consent': 'guardianConsent',
};

/**
 * The 完善资料 form. Checks the input against the same schema the function uses before sending
 * (so messages match); the server's field errors are shown next to the same fields until the
 * person edits that field.
 */
export default function ProfileForm({
  stations,
  initial,
  submitting,
  serverErrors,
  onSubmit,
  onOpenPrivacy,
}: ProfileFormProps) {
  const onlyStation = stations.length === 1 ? stations[0] : undefined;
  const [name, setName] = useState(initial?.name ?? '');
  const [choice, setChoice] = useState<CommunityChoice>({
    stationId: initial?.stationId ?? onlyStation?.id ?? '',
    communityId: initial?.communityId ?? '',
  });
  const [phone, setPhone] = useState('');
  const [clearPhone, setClearPhone] = useState(false);
  const [consent, setConsent] = useState(initial?.consented ?? false);
  const [minor, setMinor] = useState(initial?.minor ?? false);
  const [guardianName, setGuardianName] = useState(initial?.guardianName ?? '');
  const [guardianPhone, setGuardianPhone] = useState('');
  const [guardianConsent, setGuardianConsent] = useState(false);
  const [clientErrors, setClientErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [edited, setEdited] = useState<ReadonlySet<FieldName>>(new Set());

  // A new answer from the server: show all of its field errors again.
  useEffect(() => setEdited(new Set()), [serverErrors]);

  // Stations may arrive after the form mounts; with a single station there is nothing to ask.
  useEffect(() => {
    if (!choice.stationId && onlyStation) setChoice((prev) => ({ ...prev, stationId: onlyStation.id }));
  }, [onlyStation, choice.stationId]);

  const touch = (field: FieldName) => {
    setEdited((prev) => new Set(prev).add(field));
    setClientErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  const errorFor = (field: FieldName): string | undefined => {
    if (clientErrors[field]) return clientErrors[field];
    if (edited.has(field)) return undefined;
    const path = Object.keys(serverErrors).find((key) => FIELD_OF_PATH[key] === field);
    return path ? serverErrors[path] : undefined;
  };

  const submit = () => {
    const errors: Partial<Record<FieldName, string>> = {};
    if (!choice.stationId) errors.community = '请选择社工站';
    else if (!choice.communityId) errors.community = '请选择所在社区';
    const candidate = {
      name,
      stationId: choice.stationId,
      communityId: choice.communityId,
      // Blank keeps the number on record; "清除" sends '' which deletes it.
      phone: clearPhone ? '' : phone.trim() || undefined,
      consent,
      minor,
      // Asked only of a minor: nobody else gives a guardian (minimum collection).
      ...(minor ? { guardian: { name: guardianName, phone: guardianPhone.trim(), consent: guardianConsent } } : {}),
    };
    const parsed = saveProfileInput.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = FIELD_OF_PATH[issue.path.join('.')] ?? FIELD_OF_PATH[String(issue.path[0])];
        if (field && !errors[field]) errors[field] = issue.message;
      }
    }
    setClientErrors(errors);
    if (Object.keys(errors).length > 0 || !parsed.success) return;
    // `minor` defaults to false: only a minor's form says anything about age.
    const { minor: isMinor, ...adult } = parsed.data;
    onSubmit(isMinor ? parsed.data : adult);
  };

  return (
    <View className="ll-profile-form">
      <Field label="姓名" error={errorFor('name')} hint="请填写真实姓名，活动签到表上会用到">
        <Input
          name="name"
          placeholder="例如：王秀英"
          value={name}
          maxLength={20}
          onChange={(value) => {
            setName(value);
            touch('name');
          }}
        />
      </Field>

      <Field
        label="所属社区"
        error={errorFor('community')}
        hint={stations.length > 1 ? '先选社工站，再选您住的社区' : undefined}
      >
        <CommunityPicker
          stations={stations}
          value={choice}
          onChange={(next) => {
            setChoice(next);
            touch('community');
          }}
        />
      </Field>

      <Field
        label="手机号"
        optional
        error={errorFor('phone')}
        hint={
          initial?.phoneMasked && !clearPhone
            ? `已登记 ${initial.phoneMasked}，不修改请留空`
            : '方便社工通知活动变动；没有手机也可以不填'
        }
      >
        {!clearPhone && (
          <Input
            name="phone"
            type="tel"
            placeholder="11位手机号"
            value={phone}
            maxLength={11}
            onChange={(value) => {
              setPhone(value);
              touch('phone');
            }}
          />
        )}
        {initial?.phoneMasked && (
          <Text
            className="ll-profile-form__link"
            onClick={() => {
              setClearPhone(!clearPhone);
              setPhone('');
              touch('phone');
            }}
          >
            {clearPhone ? '保留已登记的手机号' : '删除已登记的手机号'}
          </Text>
        )}
      </Field>

      <Field label="年龄" error={errorFor('minor')}>
        <Checkbox
          checked={minor}
          label="未满14周岁（需监护人同意）"
          onChange={(checked) => {
            setMinor(checked);
            touch('minor');
          }}
        />
      </Field>

      {minor && (
        <>
          <Field label="监护人姓名" error={errorFor('guardianName')} hint="父母或其他监护人">
            <Input
              name="guardianName"
              placeholder="监护人的姓名"
              value={guardianName}
              maxLength={20}
              onChange={(value) => {
                setGuardianName(value);
                touch('guardianName');
              }}
            />
          </Field>
          <Field label="监护人手机号" error={errorFor('guardianPhone')}>
            <Input
              name="guardianPhone"
              type="tel"
              placeholder="11位手机号"
              value={guardianPhone}
              maxLength={11}
              onChange={(value) => {
                setGuardianPhone(value);
                touch('guardianPhone');
              }}
            />
          </Field>
          <Field label="监护人同意" error={errorFor('guardianConsent')}>
            <View className="ll-profile-form__consent">
              <Checkbox
                checked={guardianConsent}
                label="监护人已阅读并同意"
                onChange={(checked) => {
                  setGuardianConsent(checked);
                  touch('guardianConsent');
                }}
              />
              <Text className="ll-profile-form__link" onClick={onOpenPrivacy}>
                《隐私保护指引》
              </Text>
            </View>
          </Field>
        </>
      )}

      <Field label="隐私保护" error={errorFor('consent')}>
        <View className="ll-profile-form__consent">
          <Checkbox
            checked={consent}
            label="我已阅读并同意"
            onChange={(checked) => {
              setConsent(checked);
              touch('consent');
            }}
          />
          <Text className="ll-profile-form__link" onClick={onOpenPrivacy}>
            《隐私保护指引》
          </Text>
        </View>
      </Field>

      <Button type="primary" size="large" block loading={submitting} disabled={submitting} onClick={submit}>
        保存
      </Button>
    </View>
  );
}
