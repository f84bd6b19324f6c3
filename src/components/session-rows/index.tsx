import { View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { MAX_SESSIONS } from '@linli/types/entities/activity';
import PickerField from '@/components/picker-field';
import { inStation } from '@/services/dayjs';
import './index.scss';

/** One later session of a 小组, in station time. */
export interface SessionRow {
  date: string;
  startTime: string;
  endTime: string;
}

export interface SessionRowsProps {
  /** The first session (the activity's own date and times): a new row follows the last one. */
  first: SessionRow;
  rows: readonly SessionRow[];
  onChange: (rows: SessionRow[]) => void;
}

/**
 * 小组's sessions after the first: each a date with start and end. A new one defaults to a week
 * after the last, at the same times — most groups meet weekly.
 */
export default function SessionRows({ first, rows, onChange }: SessionRowsProps) {
  const last = rows[rows.length - 1] ?? first;
  const set = (index: number, patch: Partial<SessionRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <View className="ll-session-rows">
      {rows.map((row, index) => (
        <View key={index} className="ll-session-rows__row">
          <View className="ll-session-rows__label">第{index + 2}节</View>
          <PickerField
            label={`第${index + 2}节日期`}
            mode="date"
            value={row.date}
            display={row.date}
            onChange={(date) => set(index, { date })}
          />
          <PickerField
            label={`第${index + 2}节开始`}
            mode="time"
            value={row.startTime}
            display={row.startTime}
            onChange={(startTime) => set(index, { startTime })}
          />
          <PickerField
            label={`第${index + 2}节结束`}
            mode="time"
            value={row.endTime}
            display={row.endTime}
            onChange={(endTime) => set(index, { endTime })}
          />
          <View
            className="ll-session-rows__remove"
            role="button"
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            删除
          </View>
        </View>
      ))}
      {rows.length + 1 < MAX_SESSIONS && (
        <Button
          fill="outline"
          type="primary"
          block
          onClick={() =>
            onChange([
              ...rows,
              { ...last, date: inStation(`${last.date}T00:00:00+08:00`).add(7, 'day').format('YYYY-MM-DD') },
            ])
          }
        >
          ＋ 添加一节（默认一周后同一时间）
        </Button>
      )}
    </View>
  );
}
