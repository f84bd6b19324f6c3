/**
 * Which build is running. `process.env.TARO_ENV` is replaced at build time; tests set it in
 * their setup. Read it through this function so a test can switch platforms between cases.
 */
export const isH5 = (): boolean => process.env.TARO_ENV === 'h5';
