import type { enSafety } from './en-safety';
import type { Messages } from './messages';

export const beSafety: Messages<typeof enSafety> = {
  attempts: {
    wait_one: 'Занадта шмат няправільных парольных фраз. Наступная спроба магчымая праз {{count, number}} секунду.',
    wait_few: 'Занадта шмат няправільных парольных фраз. Наступная спроба магчымая праз {{count, number}} секунды.',
    wait_many: 'Занадта шмат няправільных парольных фраз. Наступная спроба магчымая праз {{count, number}} секунд.',
    wait_other: 'Занадта шмат няправільных парольных фраз. Наступная спроба магчымая праз {{count, number}} секунды.',
  },
};
