import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import TextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { hoursActions } from '@linli/types/actions/hours';
import type { ActionInput } from '@linli/types/api';
import Field from '@/components/field';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import PhotoPicker from '@/components/photo-picker';
import PickerField from '@/components/picker-field';
import { ErrorBanner } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { inStation, stationIso } from '@/services/dayjs';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import { ROUTES, goBack } from '@/services/routes';
import './index.scss';

type ReportInput = ActionInput<'hours', 'report'>;
type FieldName = 'date' | 'start' | 'end' | 'content' | 'note' | 'photo';

/** Which field shows the error for a path of hours.report's input. */
export function fieldOfPath(path: string): FieldName | undefined {
  if (path === 'span.startAt') return 'start';
  if (path.startsWith('span')) return 'end';
  if (path === 'content') return 'content';
  if (path === 'note') return 'note';
  if (path === 'photoFileId') return 'photo';
  return undefined;
}

/**
 * 申报服务: service done outside the app (a visit, a phone call) — the day, from when to when,
 * what it was and a note. Only times are sent: the function computes the hours, and a social
 * worker approves them. A photo of the service (optional) uploads as soon as it is picked and
 * goes with the report as its file id; only the volunteer and their station's staff see it.
 */
export default function ReportPage() {
  const [date, setDate] = useState(() => inStation().format('YYYY-MM-DD'));
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [content, setContent] = useState('');
  const [note, setNote] = useState('');
  const [photoFileIds, setPhotoFileIds] = useState<string[]>([]);
  const [photoUploading, setPhotoUploading] = useState(false);
  const [clientErrors, setClientErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [edited, setEdited] = useState<ReadonlySet<FieldName>>(new Set());
  const report = useAction((input: ReportInput, requestId: string) => call('hours', 'report', input, { requestId }));

  useEffect(() => setEdited(new Set()), [report.fieldErrors]);

  const touch = (field: FieldName) => {
    setEdited((prev) => new Set(prev).add(field));
    setClientErrors((prev) => ({ ...prev, [field]: undefined }));
  };
  const errorFor = (field: FieldName): string | undefined => {
    if (clientErrors[field]) return clientErrors[field];
    if (edited.has(field)) return undefined;
    const path = Object.keys(report.fieldErrors).find((key) => fieldOfPath(key) === field);
    return path ? report.fieldErrors[path] : undefined;
  };

  const submit = async () => {
    const errors: Partial<Record<FieldName, string>> = {};
    if (!start) errors.start = '请选择开始时间';
    if (!end) errors.end = '请选择结束时间';
    const candidate = {
      span: { startAt: stationIso(date, start || '00:00'), endAt: stationIso(date, end || '00:00') },
      content,
      note,
      ...(photoFileIds[0] ? { photoFileId: photoFileIds[0] } : {}),
    };
    const parsed = hoursActions.report.input.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldOfPath(issue.path.map(String).join('.'));
        if (field && !errors[field]) errors[field] = issue.message;
      }
    }
    setClientErrors(errors);
    if (Object.keys(errors).length > 0 || !parsed.success) return;
    const saved = await report.run(parsed.data);
    if (!saved) return;
    toastSuccess('已提交，待审核');
    goBack(ROUTES.volunteerHours);
  };

  const hasFieldErrors = Object.keys(report.fieldErrors).length > 0;
  return (
    <PageShell className="report-page">
      <PageHeader title="申报服务" subtitle="在App外完成的志愿服务（如入户探访、电话关怀），社工审核后计入时长。" />
      {report.error && !hasFieldErrors && <ErrorBanner message={report.error.message} />}
      <Field label="服务日期" error={errorFor('date')}>
        <PickerField
          label="服务日期"
          mode="date"
          value={date}
          display={date}
          onChange={(value) => {
            setDate(value);
            touch('date');
          }}
        />
      </Field>
      <Field label="开始时间" error={errorFor('start')}>
        <PickerField
          label="开始时间"
          mode="time"
          value={start || '09:00'}
          display={start}
          onChange={(value) => {
            setStart(value);
            touch('start');
          }}
        />
      </Field>
      <Field label="结束时间" error={errorFor('end')}>
        <PickerField
          label="结束时间"
          mode="time"
          value={end || start || '10:00'}
          display={end}
          onChange={(value) => {
            setEnd(value);
            touch('end');
          }}
        />
      </Field>
      <Field label="服务内容" error={errorFor('content')}>
        <Input
          name="content"
          placeholder="例如：陪伴独居长者聊天"
          value={content}
          maxLength={60}
          onChange={(value) => {
            setContent(value);
            touch('content');
          }}
        />
      </Field>
      <Field label="说明" optional error={errorFor('note')}>
        <TextArea
          className="report-page__note"
          placeholder="服务对象、地点、谁可以证明等，方便社工核实"
          value={note}
          maxLength={200}
          rows={3}
          onChange={(value) => {
            setNote(value);
            touch('note');
          }}
        />
      </Field>
      <Field
        label="服务照片"
        optional
        hint="拍一张服务时的照片，方便社工核实；只有你和本站社工能看到。"
        error={errorFor('photo')}
      >
        <PhotoPicker
          max={1}
          onChange={(fileIds) => {
            setPhotoFileIds(fileIds);
            touch('photo');
          }}
          onBusyChange={setPhotoUploading}
        />
      </Field>
      <View className="report-page__submit">
        <Button
          type="primary"
          size="large"
          block
          loading={report.pending}
          disabled={report.pending || photoUploading}
          onClick={() => void submit()}
        >
          {photoUploading ? '照片上传中…' : '提交申报'}
        </Button>
      </View>
    </PageShell>
  );
}
