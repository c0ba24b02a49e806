import type { enSafety } from './en-safety';
import type { Messages } from './messages';

export const ruSafety: Messages<typeof enSafety> = {
  attempts: {
    wait_one: 'Слишком много неверных парольных фраз. Следующая попытка возможна через {{count, number}} секунду.',
    wait_few: 'Слишком много неверных парольных фраз. Следующая попытка возможна через {{count, number}} секунды.',
    wait_many: 'Слишком много неверных парольных фраз. Следующая попытка возможна через {{count, number}} секунд.',
    wait_other: 'Слишком много неверных парольных фраз. Следующая попытка возможна через {{count, number}} секунды.',
  },
};
