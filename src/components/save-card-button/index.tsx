import { View } from '@tarojs/components';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { CardFace } from '@/services/card-drawing';
import { CardImageError, saveCardImage } from '@/services/card-image';
import { toastSuccess } from '@/services/feedback';
import './index.scss';

export interface SaveCardButtonProps {
  face: CardFace;
  qrBase64: string;
  text: string;
}

/**
 * Saves a 签到卡 as a picture (a download on H5, the album on WeChat). Drawing takes a moment, so
 * the button waits; what went wrong (no album permission …) stays under it to be read.
 */
export default function SaveCardButton({ face, qrBase64, text }: SaveCardButtonProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    setPending(true);
    setError(null);
    try {
      const saved = await saveCardImage(face, qrBase64);
      toastSuccess(saved === 'saved' ? '已保存到相册' : '图片已下载');
    } catch (cause) {
      setError(cause instanceof CardImageError ? cause.message : '生成图片失败，请稍后重试');
    } finally {
      setPending(false);
    }
  };

  return (
    <View className="ll-save-card-button">
      <Button
        type="primary"
        fill="outline"
        size="large"
        block
        loading={pending}
        disabled={pending}
        onClick={() => void save()}
      >
        {text}
      </Button>
      {error && (
        <View className="ll-save-card-button__error" role="alert">
          {error}
        </View>
      )}
    </View>
  );
}
