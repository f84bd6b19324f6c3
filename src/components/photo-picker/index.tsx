import { Image, Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { PhotoError, pickPhotos, uploadPhoto, type PickedPhoto } from '@/services/files';
import './index.scss';

/** One photo in the picker, from the moment it is picked. */
interface PickerItem {
  key: string;
  photo: PickedPhoto;
  status: 'uploading' | 'done' | 'failed';
  percent: number;
  fileId?: string;
  error?: string;
}

export interface PhotoPickerProps {
  /** How many photos the action takes. */
  max: number;
  /** The uploaded photos' file ids, in the order shown, each time they change. */
  onChange: (fileIds: string[]) => void;
  /** True while a photo is still on its way: the form should not be sent yet. */
  onBusyChange?: (busy: boolean) => void;
}

const messageOf = (error: unknown): string =>
  error instanceof PhotoError ? error.message : '照片没有传上去，请稍后重试';

/**
 * Add up to `max` photos: each uploads as soon as it is picked (services/files.ts), with its
 * progress on the thumbnail; a failed one says why and uploads again when tapped; any can be
 * removed. The form gets file ids only for photos that finished uploading.
 */
export default function PhotoPicker({ max, onChange, onBusyChange }: PhotoPickerProps) {
  const [items, setItems] = useState<PickerItem[]>([]);
  const [pickError, setPickError] = useState<string | null>(null);
  const nextKey = useRef(0);
  // The latest callbacks, so a parent's inline functions do not re-run the effects below.
  const callbacks = useRef({ onChange, onBusyChange });
  callbacks.current = { onChange, onBusyChange };

  const fileIds = items.flatMap((item) => (item.status === 'done' && item.fileId ? [item.fileId] : []));
  const fileIdsKey = fileIds.join('\n');
  const busy = items.some((item) => item.status === 'uploading');
  const reported = useRef('');
  useEffect(() => {
    if (fileIdsKey === reported.current) return;
    reported.current = fileIdsKey;
    callbacks.current.onChange(fileIdsKey ? fileIdsKey.split('\n') : []);
  }, [fileIdsKey]);
  useEffect(() => callbacks.current.onBusyChange?.(busy), [busy]);

  // An answer for a photo removed meanwhile changes nothing: no item has its key any more.
  const update = (key: string, patch: Partial<PickerItem>) =>
    setItems((prev) => prev.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  const upload = (item: PickerItem) => {
    update(item.key, { status: 'uploading', percent: 0, error: undefined });
    uploadPhoto(item.photo, (percent) => update(item.key, { percent }))
      .then((fileId) => update(item.key, { status: 'done', percent: 100, fileId }))
      .catch((error: unknown) => update(item.key, { status: 'failed', error: messageOf(error) }));
  };

  const add = async () => {
    setPickError(null);
    let picked: PickedPhoto[];
    try {
      picked = await pickPhotos(max - items.length);
    } catch (error) {
      setPickError(messageOf(error));
      return;
    }
    const added = picked.map<PickerItem>((photo) => ({
      key: `photo-${(nextKey.current += 1)}`,
      photo,
      status: 'uploading',
      percent: 0,
    }));
    setItems((prev) => [...prev, ...added].slice(0, max));
    added.forEach(upload);
  };

  const remove = (key: string) => setItems((prev) => prev.filter((item) => item.key !== key));
  const failure = items.find((item) => item.status === 'failed')?.error ?? pickError;

  return (
    <View className="ll-photo-picker">
      <View className="ll-photo-picker__grid">
        {items.map((item, index) => (
          <View
            key={item.key}
            className={`ll-photo-picker__tile ll-photo-picker__tile--${item.status}`}
            data-testid="photo-tile"
            data-status={item.status}
          >
            <Image className="ll-photo-picker__image" src={item.photo.path} mode="aspectFill" />
            {item.status === 'uploading' && (
              <View className="ll-photo-picker__overlay" aria-live="polite">
                上传中 {item.percent}%
              </View>
            )}
            {item.status === 'failed' && (
              <View
                className="ll-photo-picker__overlay ll-photo-picker__overlay--failed"
                role="button"
                onClick={() => upload(item)}
              >
                上传失败{'\n'}点按重试
              </View>
            )}
            <View
              className="ll-photo-picker__remove"
              role="button"
              aria-label={`删除第${index + 1}张照片`}
              onClick={() => remove(item.key)}
            >
              ×
            </View>
          </View>
        ))}
        {items.length < max && (
          <View className="ll-photo-picker__add" role="button" aria-label="添加照片" onClick={() => void add()}>
            <Text className="ll-photo-picker__plus">+</Text>
            <Text className="ll-photo-picker__add-text">
              {max > 1 ? `添加照片 ${items.length}/${max}` : '添加照片'}
            </Text>
          </View>
        )}
      </View>
      {failure && (
        <View className="ll-photo-picker__error" role="alert">
          {failure}
        </View>
      )}
    </View>
  );
}
