/**
 * 隐私保护指引 — the one copy of the privacy notice. The mini-program shows it
 * (pages/privacy); the cloud side may reuse it later (e.g. to record which version a person
 * agreed to), so it is plain data with no platform imports. Bump `PRIVACY_NOTICE_VERSION`
 * whenever the meaning of the text changes, and update the privacy guide declared in the
 * WeChat console (mp.weixin.qq.com → 设置 → 服务内容声明 → 用户隐私保护指引) to match.
 */
export const PRIVACY_NOTICE_VERSION = '2026-11-01';

export interface PrivacySection {
  title: string;
  paragraphs: readonly string[];
}

export const PRIVACY_NOTICE_TITLE = '邻里隐私保护指引';

export const PRIVACY_NOTICE_INTRO =
  '「邻里」是社工站为社区居民、志愿者和社工提供服务的小程序。我们只收集提供服务所必需的信息，并按《中华人民共和国个人信息保护法》和社工站的信息保密制度保护您的信息。';

export const PRIVACY_SECTIONS: readonly PrivacySection[] = [
  {
    title: '一、我们收集哪些信息',
    paragraphs: [
      '姓名：用于活动报名和签到表。',
      '所属社工站和社区：让您看到身边社区的活动与服务。',
      '手机号（可选）：仅在活动时间、地点变动时通知您；不填写也能使用全部功能。',
      '活动签到记录：您参加了哪些活动、何时签到，用于统计服务情况。',
      '我们不收集身份证号、住址、位置、通讯录和照片。',
    ],
  },
  {
    title: '二、为什么收集',
    paragraphs: [
      '为您提供活动预约、签到、志愿服务等社区服务。',
      '社工站需要按服务合同统计活动场次和服务人次，并向购买服务的政府部门提交服务记录（台账）。统计只使用汇总数字或经处理的记录。',
    ],
  },
  {
    title: '三、谁能看到',
    paragraphs: [
      '只有您所在社工站中需要为您提供服务的工作人员（社工、站长）能看到您的完整信息。',
      '在其他地方（例如活动名单、志愿者名单、微心愿公示），您的手机号会被遮挡（如 138****0000），不会公开您的个人信息。',
      '我们不会把您的信息出售或提供给与服务无关的第三方。',
    ],
  },
  {
    title: '四、如何保存',
    paragraphs: [
      '信息保存在微信云开发的云数据库中，只有社工站的小程序后台可以读取。',
      '您的手机号保存后，小程序只会显示遮挡后的号码。',
    ],
  },
  {
    title: '五、查看、导出和删除',
    paragraphs: [
      '您可以随时在「我的 → 编辑资料」中查看和修改姓名、社区和手机号，也可以删除已登记的手机号。',
      '如需导出您的全部记录，或注销并删除您的信息，请联系您所在的社工站，工作人员会核实身份后及时处理。按服务合同必须保留的统计数字会去除您的姓名等个人信息后保留。',
    ],
  },
  {
    title: '六、联系我们',
    paragraphs: [
      '如果您对个人信息的使用有疑问、意见或投诉，请直接联系您所在社工站的工作人员，或到社工站当面咨询。社工站会记录您的意见并把处理结果告诉您。',
    ],
  },
];
