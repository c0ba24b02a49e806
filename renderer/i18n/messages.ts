import type { en } from './en';

type PluralForm = 'zero' | 'two' | 'few' | 'many';

/**
 * The shape every catalogue must have: the same keys as English, with any strings. Languages with richer
 * plural rules (Russian, Belarusian) may add `_few`/`_many` forms next to English `_one`/`_other`.
 */
export type Messages<T = typeof en> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> } & {
  [key: `${string}_${PluralForm}`]: string;
};
