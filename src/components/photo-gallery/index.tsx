import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { useState } from 'react';
import './index.scss';

export interface PhotoGalleryProps {
  /** Short-lived links the functions made (platform tempFileUrl); they stop working in minutes. */
  urls: readonly string[];
  /** What the photos are, for screen readers: 服务照片, 投诉照片 … */
  label?: string;
}

/**
 * Private photos shown through the links a function just returned; a tap opens the full-screen
 * viewer. A link that no longer works (the page stayed open past its expiry) says so instead
 * of showing an empty box: opening the page again fetches fresh links.
 */
export default function PhotoGallery({ urls, label = '照片' }: PhotoGalleryProps) {
  const [broken, setBroken] = useState<ReadonlySet<string>>(new Set());
  if (urls.length === 0) return null;
  const viewable = urls.filter((url) => !broken.has(url));

  return (
    <View className="ll-photo-gallery" aria-label={label}>
      {urls.map((url, index) =>
        broken.has(url) ? (
          <View key={url} className="ll-photo-gallery__tile ll-photo-gallery__tile--broken" role="img">
            照片已过期，请重新打开本页
          </View>
        ) : (
          <View
            key={url}
            className="ll-photo-gallery__tile"
            role="button"
            aria-label={`查看${label}${urls.length > 1 ? `第${index + 1}张` : ''}`}
            onClick={() => void Taro.previewImage({ current: url, urls: viewable })}
          >
            <Image
              className="ll-photo-gallery__image"
              src={url}
              mode="aspectFill"
              onError={() => setBroken((prev) => new Set(prev).add(url))}
            />
          </View>
        ),
      )}
    </View>
  );
}
