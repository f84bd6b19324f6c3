import { View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { GeneratedFile } from '@linli/types/files';
import { useAction } from '@/hooks/use-action';
import { ApiError } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import { isH5 } from '@/services/platform';
import { saveFile } from '@/services/save-file';
import './index.scss';

export interface DownloadButtonProps {
  /** `导出签到表`. */
  text: string;
  /** Asks the function for the file (e.g. `ledger.signInSheet`). */
  load: () => Promise<GeneratedFile>;
}

/**
 * A button that fetches a generated file and hands it over: a download on H5, the document
 * viewer on WeChat (services/save-file.ts). The file is made on demand, so it always has the
 * latest records.
 */
export default function DownloadButton({ text, load }: DownloadButtonProps) {
  const download = useAction(async (_requestId: string) => {
    const file = await load();
    try {
      await saveFile(file);
    } catch {
      // The function answered; the phone could not keep or open the file.
      throw new ApiError({ code: 'INTERNAL', message: '文件没有打开，请重试' });
    }
    return file;
  });

  const start = async () => {
    const file = await download.run();
    // WeChat shows the document itself; a browser only shows a small download notice.
    if (file && isH5()) toastSuccess('已下载');
  };

  return (
    <View className="ll-download-button">
      <Button
        type="primary"
        fill="outline"
        block
        loading={download.pending}
        disabled={download.pending}
        onClick={() => void start()}
      >
        {text}
      </Button>
      {download.error && (
        <View className="ll-download-button__error" role="alert">
          {download.error.message}
        </View>
      )}
    </View>
  );
}
