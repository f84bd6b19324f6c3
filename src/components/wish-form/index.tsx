import { View } from '@tarojs/components';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import TextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import {
  HARDSHIP_CATEGORIES,
  HARDSHIP_LABELS,
  WISH_CATEGORIES,
  WISH_CATEGORY_LABELS,
  WISH_MAX_PHOTOS,
  wishDraftSchema,
  type Hardship,
  type WishCategory,
  type WishDetail,
  type WishDraft,
} from '@linli/types/entities/wish';
import ChoiceChips from '@/components/choice-chips';
import Field from '@/components/field';
import PhotoGallery from '@/components/photo-gallery';
import PhotoPicker from '@/components/photo-picker';
import { ErrorBanner } from '@/components/state-views';
import './index.scss';

export interface WishFormValues extends Omit<WishDraft, 'photoFileIds'> {
  hardship?: Hardship;
  /** The photos picked. Left out when revising without new photos: the wish keeps its own. */
  photoFileIds?: string[];
}

const FIELDS = ['what', 'why', 'estimatedValue', 'category', 'hardship', 'photoFileIds'] as const;
type FieldName = (typeof FIELDS)[number];

/** The function names a refused photo by its index (`photoFileIds.1`). */
const photoFieldError = (fieldErrors: Record<string, string>): string | undefined =>
  Object.entries(fieldErrors).find(([path]) => path.startsWith('photoFileIds.'))?.[1];

export interface WishFormProps {
  /** The wish being revised; empty for a new one. */
  initial?: WishDetail;
  /** Staff record the 困难类别 (confidential); residents are not asked. */
  showHardship?: boolean;
  submitText: string;
  pending: boolean;
  /** The server's refusal: field errors by path, or one message for the whole form. */
  fieldErrors: Record<string, string>;
  error?: string;
  onSubmit: (values: WishFormValues) => void;
}

const CATEGORY_CHOICES = WISH_CATEGORIES.map((value) => ({ value, label: WISH_CATEGORY_LABELS[value] }));
const NO_HARDSHIP = 'none';
const HARDSHIP_CHOICES = [
  ...HARDSHIP_CATEGORIES.map((value) => ({
    value: value as Hardship | typeof NO_HARDSHIP,
    label: HARDSHIP_LABELS[value],
  })),
  { value: NO_HARDSHIP as Hardship | typeof NO_HARDSHIP, label: '不填写' },
];

/**
 * 心愿: what is wished for, why (only staff read it), a rough value, a category and up to three
 * photos — the contract's own schema checks it before it is sent, with the same messages the
 * function would give; staff add the confidential 困难类别. Photos upload as soon as they are
 * picked, and the form waits for them. Revising, the wish's photos are shown; new ones replace them.
 */
export default function WishForm({
  initial,
  showHardship = false,
  submitText,
  pending,
  fieldErrors,
  error,
  onSubmit,
}: WishFormProps) {
  const [what, setWhat] = useState(initial?.what ?? '');
  const [why, setWhy] = useState(initial?.why ?? '');
  const [value, setValue] = useState(initial ? String(initial.estimatedValue) : '');
  const [category, setCategory] = useState<WishCategory | ''>(initial?.category ?? '');
  const [hardship, setHardship] = useState<Hardship | typeof NO_HARDSHIP>(initial?.hardship ?? NO_HARDSHIP);
  const [photoFileIds, setPhotoFileIds] = useState<string[]>([]);
  const [photosUploading, setPhotosUploading] = useState(false);
  const [clientErrors, setClientErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [edited, setEdited] = useState<ReadonlySet<FieldName>>(new Set());

  const touch = (field: FieldName) => {
    setEdited((prev) => new Set(prev).add(field));
    setClientErrors((prev) => ({ ...prev, [field]: undefined }));
  };
  // A field edited since the server answered shows no stale message for it.
  const errorFor = (field: FieldName): string | undefined =>
    clientErrors[field] ?? (edited.has(field) ? undefined : fieldErrors[field]);

  const submit = () => {
    const parsed = wishDraftSchema.safeParse({
      what,
      why,
      estimatedValue: value.trim() === '' ? undefined : Number(value),
      category: category || undefined,
      photoFileIds,
    });
    if (!parsed.success) {
      const errors: Partial<Record<FieldName, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]) as FieldName;
        errors[field] ??= field === 'category' ? '请选择类别' : issue.message;
      }
      setClientErrors(errors);
      return;
    }
    setClientErrors({});
    setEdited(new Set());
    // Revising without new photos leaves the photos out, so the wish keeps the ones it has.
    const { photoFileIds: picked, ...draft } = parsed.data;
    onSubmit({
      ...draft,
      ...(initial && picked.length === 0 ? {} : { photoFileIds: picked }),
      ...(showHardship && hardship !== NO_HARDSHIP ? { hardship } : {}),
    });
  };

  // A refusal about something else (the beneficiary) is shown above the button.
  const shownInPlace = Object.keys(fieldErrors).some(
    (path) => (FIELDS as readonly string[]).includes(path) || path.startsWith('photoFileIds.'),
  );
  return (
    <View className="ll-wish-form">
      <Field label="心愿" error={errorFor('what')} hint="具体一点：想要什么东西或什么帮助">
        <Input
          name="what"
          placeholder="例如：一台电饭煲"
          value={what}
          maxLength={30}
          onChange={(text) => {
            setWhat(text);
            touch('what');
          }}
        />
      </Field>
      <Field label="原因" error={errorFor('why')} hint="只有社工能看到，不会公开">
        <TextArea
          className="ll-wish-form__why"
          placeholder="为什么需要它，家里的情况"
          value={why}
          maxLength={300}
          rows={4}
          onChange={(text) => {
            setWhy(text);
            touch('why');
          }}
        />
      </Field>
      <Field label="大约价值（元）" error={errorFor('estimatedValue')}>
        <Input
          name="estimatedValue"
          type="number"
          placeholder="例如：200"
          value={value}
          maxLength={4}
          onChange={(text) => {
            setValue(text);
            touch('estimatedValue');
          }}
        />
      </Field>
      <Field label="类别" error={errorFor('category')}>
        <ChoiceChips
          label="类别"
          options={CATEGORY_CHOICES}
          value={category}
          onChange={(next) => {
            setCategory(next);
            touch('category');
          }}
        />
      </Field>
      {showHardship && (
        <Field label="困难类别" optional error={errorFor('hardship')} hint="保密：只有社工和本人能看到，不会公开">
          <ChoiceChips
            label="困难类别"
            options={HARDSHIP_CHOICES}
            value={hardship}
            onChange={(next) => {
              setHardship(next);
              touch('hardship');
            }}
          />
        </Field>
      )}
      <Field
        label="照片"
        optional
        error={errorFor('photoFileIds') ?? photoFieldError(fieldErrors)}
        hint={
          initial && initial.photoUrls.length > 0
            ? '新选的照片会替换上面的照片；不选则保留'
            : '拍一下想要替换的旧物件，方便社工了解；不会公开'
        }
      >
        {initial && <PhotoGallery urls={initial.photoUrls} label="心愿照片" />}
        <PhotoPicker
          max={WISH_MAX_PHOTOS}
          onChange={(fileIds) => {
            setPhotoFileIds(fileIds);
            touch('photoFileIds');
          }}
          onBusyChange={setPhotosUploading}
        />
      </Field>
      {error && !shownInPlace && <ErrorBanner message={error} />}
      <Button
        type="primary"
        size="large"
        block
        loading={pending}
        disabled={pending || photosUploading}
        onClick={submit}
      >
        {photosUploading ? '照片上传中…' : submitText}
      </Button>
    </View>
  );
}
