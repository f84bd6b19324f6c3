import { Text, View } from '@tarojs/components';
import type { Certificate } from '@linli/types/entities/hours';
import './index.scss';

/** Where anyone holding the paper checks it: the same words on screen and on paper. */
export const VERIFY_HINT = '核验方式：在「邻里」小程序「我的 → 核验服务证明」中输入证明编号和校验码。';

/** The class that lays the sheet out alone for printing (index.scss). */
const PRINTING = 'll-print-certificate';

/**
 * The browser's print dialog with only the certificate on the paper (H5). `window.print()` returns
 * when the dialog closes, so the page is itself again right after.
 */
export function printCertificate(): void {
  document.body.classList.add(PRINTING);
  try {
    window.print();
  } finally {
    document.body.classList.remove(PRINTING);
  }
}

/**
 * 志愿服务记录证明 as a sheet of paper: title and number, the statement, one row per service
 * (date, content, hours), the total, who issues it and when, a place for the seal, and the
 * verification code. Everything on it is the function's text as issued (and as stored, when
 * shown by 核验); nothing is recomputed here. Printing (index.scss, printCertificate) leaves only the sheet, on A4.
 */
export default function CertificateSheet({ certificate }: { certificate: Certificate }) {
  return (
    <View className="ll-certificate" data-testid="certificate">
      <Text className="ll-certificate__title">{certificate.title}</Text>
      <Text className="ll-certificate__number">编号：{certificate.number}</Text>
      <View className="ll-certificate__person">
        <Text>志愿者：{certificate.volunteer.name}</Text>
        <Text>身份信息：{certificate.volunteer.idMasked}</Text>
      </View>
      <Text className="ll-certificate__statement">{certificate.statement}</Text>
      <View className="ll-certificate__table" role="table" aria-label="服务记录">
        <View className="ll-certificate__row ll-certificate__row--head" role="row">
          <View className="ll-certificate__date" role="columnheader">
            日期
          </View>
          <View className="ll-certificate__content" role="columnheader">
            服务内容
          </View>
          <View className="ll-certificate__hours" role="columnheader">
            时长（小时）
          </View>
        </View>
        {certificate.rows.map((row, index) => (
          <View key={`${row.date}-${index}`} className="ll-certificate__row" role="row" data-testid="certificate-row">
            <View className="ll-certificate__date" role="cell">
              {row.date}
            </View>
            <View className="ll-certificate__content" role="cell">
              {row.content}
            </View>
            <View className="ll-certificate__hours" role="cell">
              {row.hours}
            </View>
          </View>
        ))}
        <View className="ll-certificate__row ll-certificate__row--total" role="row">
          <View className="ll-certificate__date" role="cell">
            合计
          </View>
          <View className="ll-certificate__content" role="cell">
            {certificate.rows.length} 次
          </View>
          <View className="ll-certificate__hours" role="cell" data-testid="certificate-total">
            {certificate.totalHours}
          </View>
        </View>
      </View>
      <View className="ll-certificate__issuer">
        <Text>出具单位：{certificate.station}（盖章）</Text>
        <Text>出具日期：{certificate.issuedOn}</Text>
      </View>
      <View className="ll-certificate__check">
        <Text className="ll-certificate__code">校验码：{certificate.code}</Text>
        <Text className="ll-certificate__verify">{VERIFY_HINT}</Text>
      </View>
    </View>
  );
}
