import { z } from 'zod';

/**
 * zod's own messages (type mismatches, missing fields) in Chinese, for the people reading them.
 * Imported once by the functions' dispatcher and once by the mini-program's service module.
 */
z.config(z.locales.zhCN());
