import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Checkbox from '@nutui/nutui-react-taro/dist/es/packages/checkbox';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import {
  VOLUNTEER_SKILLS,
  volunteerRegistrationDraftSchema,
  type VolunteerRegistrationDraft,
} from '@linli/types/entities/volunteer';
import CommunityPicker from '@/components/community-picker';
import Field from '@/components/field';
import type { StationEntry } from '@/services/session';
import './index.scss';

/** What the form starts from when a rejected applicant applies again (phones come back masked). */
export interface VolunteerFormInitial {
  realName: string;
  communityId: string;
  skills: readonly string[];
  availability: string;
  emergencyContactName: string;
  phoneMasked?: string;
  emergencyPhoneMasked?: string;
}

export interface VolunteerFormProps {
  station: StationEntry;
  initial: VolunteerFormInitial;
  submitText: string;
  submitting: boolean;
  /** Field errors the server answered with (ApiError.fields by path: `emergencyContact.phone` …). */
  serverErrors: Record<string, string>;
  onSubmit: (draft: VolunteerRegistrationDraft) => void;
  onOpenPrivacy: () => void;
}

type FieldName =
  | 'realName'
  | 'phone'
  | 'community'
  | 'skills'
  | 'availability'
  | 'emergencyName'
  | 'emergencyPhone'
  | 'consent';

/** Which form field shows the error for a path of volunteer.register's input. */
export function fieldOfPath(path: string): FieldName | undefined {
  if (path === 'emergencyContact.phone') return 'emergencyPhone';
  if (path.startsWith('emergencyContact')) return 'emergencyName';
  const key = path.split('.')[0] ?? '';
  const fields: Record<string, FieldName> = {
    realName: 'realName',
    phone: 'phone',
    communityId: 'community',
    skills: 'skills',
    availability: 'availability',
    consent: 'consent',
  };
  return fields[key];
}

/** Times people usually give; a tap adds the phrase to (or takes it out of) the text. */
const AVAILABILITY_PHRASES = ['工作日白天', '工作日晚上', '周末上午', '周末下午'] as const;
const MAX_SKILLS = 10;
const MAX_SKILL_LENGTH = 10;

function togglePhrase(text: string, phrase: string): string {
  const parts = text
    .split(/[、，,;；\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  const next = parts.includes(phrase) ? parts.filter((part) => part !== phrase) : [...parts, phrase];
  return next.join('、');
}

/**
 * 志愿者登记: real name, mobile, community, skills (the station's list plus their own words),
 * when they can serve, an emergency contact and consent. Checked against the contract's schema
 * before sending, so the messages are the function's; the server's field errors sit next to
 * their fields until that field is edited.
 */
export default function VolunteerForm({
  station,
  initial,
  submitText,
  submitting,
  serverErrors,
  onSubmit,
  onOpenPrivacy,
}: VolunteerFormProps) {
  const [realName, setRealName] = useState(initial.realName);
  const [phone, setPhone] = useState('');
  const [communityId, setCommunityId] = useState(initial.communityId);
  const [skills, setSkills] = useState<string[]>([...initial.skills]);
  const [otherSkill, setOtherSkill] = useState('');
  const [availability, setAvailability] = useState(initial.availability);
  const [emergencyName, setEmergencyName] = useState(initial.emergencyContactName);
  const [emergencyPhone, setEmergencyPhone] = useState('');
  const [consent, setConsent] = useState(false);
  const [clientErrors, setClientErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [edited, setEdited] = useState<ReadonlySet<FieldName>>(new Set());

  // A new answer from the server: show all of its field errors again.
  useEffect(() => setEdited(new Set()), [serverErrors]);

  const touch = (field: FieldName) => {
    setEdited((prev) => new Set(prev).add(field));
    setClientErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  const errorFor = (field: FieldName): string | undefined => {
    if (clientErrors[field]) return clientErrors[field];
    if (edited.has(field)) return undefined;
    const path = Object.keys(serverErrors).find((key) => fieldOfPath(key) === field);
    return path ? serverErrors[path] : undefined;
  };

  const toggleSkill = (skill: string) => {
    touch('skills');
    if (skills.includes(skill)) {
      setSkills(skills.filter((s) => s !== skill));
      return;
    }
    if (skills.length >= MAX_SKILLS) {
      setClientErrors((prev) => ({ ...prev, skills: `技能最多${MAX_SKILLS}项` }));
      return;
    }
    setSkills([...skills, skill]);
  };

  const addOtherSkill = () => {
    const skill = otherSkill.trim();
    if (!skill) return;
    if (skill.length > MAX_SKILL_LENGTH) {
      setClientErrors((prev) => ({ ...prev, skills: `每项技能不超过${MAX_SKILL_LENGTH}个字` }));
      return;
    }
    if (!skills.includes(skill)) toggleSkill(skill);
    setOtherSkill('');
  };

  const submit = () => {
    const parsed = volunteerRegistrationDraftSchema.safeParse({
      realName,
      phone: phone.trim(),
      communityId,
      skills,
      availability,
      emergencyContact: { name: emergencyName, phone: emergencyPhone.trim() },
      consent,
    });
    if (parsed.success) {
      setClientErrors({});
      onSubmit(parsed.data);
      return;
    }
    const errors: Partial<Record<FieldName, string>> = {};
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path.map(String).join('.'));
      if (field === 'community') errors.community = '请选择所在社区';
      else if (field && !errors[field]) errors[field] = issue.message;
    }
    setClientErrors(errors);
  };

  const customSkills = skills.filter((skill) => !(VOLUNTEER_SKILLS as readonly string[]).includes(skill));
  const selectedPhrases = availability.split(/[、，,;；\s]+/);
  return (
    <View className="ll-volunteer-form">
      <Field label="真实姓名" error={errorFor('realName')} hint="与身份证一致，服务记录证明上会用到">
        <Input
          name="realName"
          placeholder="例如：刘建国"
          value={realName}
          maxLength={20}
          onChange={(value) => {
            setRealName(value);
            touch('realName');
          }}
        />
      </Field>

      <Field
        label="手机号"
        error={errorFor('phone')}
        hint={
          initial.phoneMasked
            ? `原登记 ${initial.phoneMasked}；为保护隐私不显示完整号码，请重新填写`
            : '社工安排服务时联系您'
        }
      >
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
      </Field>

      <Field label="所在社区" error={errorFor('community')}>
        <CommunityPicker
          stations={[station]}
          value={{ stationId: station.id, communityId }}
          onChange={(next) => {
            setCommunityId(next.communityId);
            touch('community');
          }}
        />
      </Field>

      <Field label="技能特长" optional error={errorFor('skills')} hint="可多选，也可以填写其他技能">
        <View className="ll-volunteer-form__chips" role="group" aria-label="技能特长">
          {[...VOLUNTEER_SKILLS, ...customSkills].map((skill) => (
            <View
              key={skill}
              role="checkbox"
              aria-checked={skills.includes(skill)}
              className={chipClass(skills.includes(skill))}
              onClick={() => toggleSkill(skill)}
            >
              {skill}
            </View>
          ))}
        </View>
        <View className="ll-volunteer-form__line">
          <Input
            className="ll-volunteer-form__grow"
            name="otherSkill"
            placeholder="其他技能，例如：手语"
            value={otherSkill}
            maxLength={MAX_SKILL_LENGTH}
            onChange={setOtherSkill}
          />
          <Button type="primary" fill="outline" onClick={addOtherSkill}>
            添加
          </Button>
        </View>
      </Field>

      <Field label="可服务时间" optional error={errorFor('availability')}>
        <View className="ll-volunteer-form__chips" role="group" aria-label="可服务时间">
          {AVAILABILITY_PHRASES.map((phrase) => (
            <View
              key={phrase}
              role="checkbox"
              aria-checked={selectedPhrases.includes(phrase)}
              className={chipClass(selectedPhrases.includes(phrase))}
              onClick={() => {
                setAvailability(togglePhrase(availability, phrase));
                touch('availability');
              }}
            >
              {phrase}
            </View>
          ))}
        </View>
        <Input
          name="availability"
          placeholder="也可以自己写，例如：每周三下午"
          value={availability}
          maxLength={100}
          onChange={(value) => {
            setAvailability(value);
            touch('availability');
          }}
        />
      </Field>

      <Field label="紧急联系人" error={errorFor('emergencyName')}>
        <Input
          name="emergencyName"
          placeholder="紧急联系人姓名"
          value={emergencyName}
          maxLength={20}
          onChange={(value) => {
            setEmergencyName(value);
            touch('emergencyName');
          }}
        />
      </Field>

      <Field
        label="紧急联系人手机号"
        error={errorFor('emergencyPhone')}
        hint={
          initial.emergencyPhoneMasked
            ? `原登记 ${initial.emergencyPhoneMasked}；请重新填写`
            : '服务中遇到意外时，社工会联系这位家人或朋友'
        }
      >
        <Input
          name="emergencyPhone"
          type="tel"
          placeholder="紧急联系人的11位手机号"
          value={emergencyPhone}
          maxLength={11}
          onChange={(value) => {
            setEmergencyPhone(value);
            touch('emergencyPhone');
          }}
        />
      </Field>

      <Field label="隐私保护" error={errorFor('consent')}>
        <View className="ll-volunteer-form__consent">
          <Checkbox
            checked={consent}
            label="我已阅读并同意"
            onChange={(checked) => {
              setConsent(checked);
              touch('consent');
            }}
          />
          <Text className="ll-volunteer-form__link" onClick={onOpenPrivacy}>
            《隐私保护指引》
          </Text>
        </View>
        <Text className="ll-volunteer-form__note">
          手机号和紧急联系人只给本站社工看，用于安排服务和紧急联系；其他人看到的号码都是打码的。
        </Text>
      </Field>

      <Button type="primary" size="large" block loading={submitting} disabled={submitting} onClick={submit}>
        {submitText}
      </Button>
    </View>
  );
}

function chipClass(selected: boolean): string {
  return `ll-volunteer-form__chip${selected ? ' ll-volunteer-form__chip--selected' : ''}`;
}
