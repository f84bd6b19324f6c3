/**
 * What a wish's public title and text must not say (DOMAIN.md "Privacy": personal data is never
 * published with a wish). The wall is read by the whole station — neighbours among them — so
 * the text must neither name the beneficiary, nor let anyone call or find them, nor label them
 * by their hardship. Staff write the public text; this rule reads it before the platform's
 * content check does, and a text that breaks it is refused with the reason, so the social
 * worker rewrites it ("一位长者希望有一台电饭煲").
 *
 * It is a net, not a proof: a name written another way slips through. That is why the public
 * text is always written by staff, never copied from the resident's own words automatically.
 */

export type PublicTextProblem = 'NAME' | 'PHONE' | 'ADDRESS' | 'HARDSHIP';

export const PUBLIC_TEXT_PROBLEM_MESSAGES: Record<PublicTextProblem, string> = {
  NAME: '不能出现受助人的姓名',
  PHONE: '不能出现电话号码、证件号等数字串',
  ADDRESS: '不能出现门牌号、楼栋、单元、房号等住址',
  HARDSHIP: '不能出现低保、残疾、独居等困难类别',
};

export interface BeneficiaryDetails {
  name: string;
  /** The label of their hardship category, if staff recorded one (低保对象 …). */
  hardshipLabel?: string;
}

/**
 * Words that label a hardship category or a confidential circumstance (seed 002 信息保密制度:
 * hardship, health, minors). Short on purpose: each is unambiguous in a wish's text.
 */
export const HARDSHIP_WORDS = [
  '低保',
  '特困',
  '五保',
  '低收入',
  '困难户',
  '贫困',
  '残疾',
  '残障',
  '残联',
  '孤寡',
  '孤老',
  '独居',
  '空巢',
  '失独',
  '失能',
  '困境',
  '孤儿',
  '单亲',
  '留守',
  '重病',
  '大病',
  '癌',
  '精神病',
  '精神障碍',
  '智障',
  '吸毒',
  '戒毒',
  '服刑',
  '刑满',
  '优抚',
];

/**
 * Forms of address that follow a surname in how residents are known (张阿姨, 黄伯): a person
 * "named" 张阿姨 is not found by 阿姨 alone, or every text mentioning an 阿姨 would be refused.
 */
const KINSHIP_TERMS = new Set([
  '阿姨',
  '先生',
  '女士',
  '小姐',
  '伯',
  '伯伯',
  '阿伯',
  '婆婆',
  '阿婆',
  '爷爷',
  '奶奶',
  '大爷',
  '大妈',
  '叔',
  '叔叔',
  '姨',
  '哥',
  '姐',
]);

/** Seven or more digits, however spaced or dashed: phone numbers, ID and account numbers. */
const DIGIT_RUN = /\d(?:[\s\-－—]*\d){6,}/;

/** 3栋, 12号楼, 2单元, 501室, 门牌, 住址 …, and 路/街/巷 + number + 号. */
const ADDRESS_PATTERNS = [
  /[\d一二三四五六七八九十百零〇两]+\s*(?:号楼|栋|幢|座|单元|室|号房|楼\d|层\d)/,
  /(?:路|街|巷|弄|里|道|村|坊)\s*[\d一二三四五六七八九十百零〇]+\s*号/,
  /门牌|住址|地址|家住|住在/,
];

/** Full-width digits and letters as their ASCII forms, spaces kept: what a pattern can read. */
const normalise = (text: string): string => text.normalize('NFKC');

/** The parts of a name to look for: the whole name, and the given name where it identifies. */
function nameForms(name: string): string[] {
  const full = normalise(name).trim();
  const chars = Array.from(full);
  if (chars.length < 2) return [];
  const forms = [full];
  const given = chars.slice(1).join('');
  // A three-character Chinese name is often written without the surname (秀英); a two-character
  // given part that is only a form of address (阿姨) identifies nobody.
  if (chars.length >= 3 && !KINSHIP_TERMS.has(given) && /^[\u4e00-\u9fff]{2,}$/.test(given)) forms.push(given);
  return forms;
}

/** Every rule the text breaks, in a stable order; empty when it may be published. */
export function publicTextProblems(text: string, beneficiary: BeneficiaryDetails): PublicTextProblem[] {
  const plain = normalise(text);
  const problems: PublicTextProblem[] = [];
  if (nameForms(beneficiary.name).some((form) => plain.includes(form))) problems.push('NAME');
  if (DIGIT_RUN.test(plain)) problems.push('PHONE');
  if (ADDRESS_PATTERNS.some((pattern) => pattern.test(plain))) problems.push('ADDRESS');
  const hardshipWords = beneficiary.hardshipLabel ? [...HARDSHIP_WORDS, beneficiary.hardshipLabel] : HARDSHIP_WORDS;
  if (hardshipWords.some((word) => plain.includes(word))) problems.push('HARDSHIP');
  return problems;
}
