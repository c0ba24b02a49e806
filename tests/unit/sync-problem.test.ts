import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/api';
import { problemText } from '../../renderer/components/error-text';
import { syncProblem } from '../../renderer/features/partners/sync-problem';
import { be } from '../../renderer/i18n/be';
import { en } from '../../renderer/i18n/en';
import { ru } from '../../renderer/i18n/ru';

const refusal = new ApiError('LEDGER_IMMUTABLE', "The bundle from Viasna deletes the person 01a2, which this office's aid ledger names (1 disbursement); ledger entries are never deleted, so nothing was imported.");

describe('a refused import in the Partners section', () => {
  it('says the ledger keeps the record, with the server’s detail, in every language — not the sentence about paid entries', async () => {
    for (const [language, catalogue] of [['en', en], ['be', be], ['ru', ru]] as const) {
      const i18n = i18next.createInstance();
      await i18n.init({ resources: { [language]: { translation: catalogue } }, lng: language, interpolation: { escapeValue: false } });
      const text = problemText(i18n.t, syncProblem(refusal))!;
      expect(text.startsWith(catalogue.bundleImport.ledgerKeeps)).toBe(true);
      expect(text).toContain('deletes the person 01a2');
      expect(text).not.toContain(catalogue.errors.LEDGER_IMMUTABLE);
    }
    // Other refusals keep their own sentence.
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en } }, lng: 'en' });
    expect(problemText(i18n.t, syncProblem(new ApiError('BUNDLE_REPLAY', 'seen before')))).toBe(i18n.t('errors.BUNDLE_REPLAY', { defaultValue: 'seen before' }));
  });
});
