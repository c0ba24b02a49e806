/**
 * Paid disbursements, so that a partner's duplicate-payment check sees what this office paid to the same
 * family. Only this office's own payments that are paid (a payment, or the reversal that corrects one) go:
 * a paid entry never changes again, so a partner holds an exact copy that no later operation has to touch.
 * A payment goes with its recipient: only to a partner that receives that person under its policy, and
 * only when the policy shares aid. Programme, case and request links, staff, payment references and the
 * reasons given for overrides are this office's own and stay home; the partner's copy is marked with the
 * office it came from and counts in no budget or report there.
 */
import { z } from 'zod';
import { regions } from '../../../shared/domain/cases';
import { aidTypes, paymentMethods, recipientCategories, type AidType, type PaymentMethod, type RecipientCategory } from '../../../shared/domain/aid-vocabularies';
import { purposeKey } from '../../../shared/domain/aid-guards';
import { isCurrency, MAX_AMOUNT_MINOR } from '../../../shared/domain/money';
import { sharesGroup } from '../../../shared/sync/policy';
import type { SyncedEntity, SyncedField } from '../registry';
import { isoTimeField, keyList } from './fields';
import { personEntity } from './persons';

const fixed = (field: SyncedField): SyncedField => ({ ...field, immutable: true });
const oneOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const disbursementEntity: SyncedEntity = {
  name: 'disbursement',
  table: 'aid_disbursements',
  key: [{ column: 'id', schema: z.uuid() }],
  group: 'aid',
  sensitive: false,
  requires: [{ entity: 'person', field: 'recipientId' }],
  fields: [
    fixed({ name: 'recipientId', column: 'recipient_id', kind: 'text', schema: z.uuid() }),
    fixed({ name: 'amountMinor', column: 'amount_minor', kind: 'int', schema: z.number().int().min(-MAX_AMOUNT_MINOR).max(MAX_AMOUNT_MINOR).refine((n) => n !== 0) }),
    fixed({ name: 'currency', column: 'currency', kind: 'text', schema: z.string().refine(isCurrency) }),
    fixed({ name: 'type', column: 'type', kind: 'text', schema: oneOf<AidType>(aidTypes) }),
    { name: 'method', column: 'method', kind: 'text', schema: oneOf<PaymentMethod>(paymentMethods) },
    { name: 'purpose', column: 'purpose', kind: 'text', schema: z.string().max(500) },
    fixed({ name: 'date', column: 'date', kind: 'text', schema: isoDay }),
    // Only paid entries are shared, so a received status is always `paid`.
    { name: 'status', column: 'status', kind: 'text', schema: z.literal('paid'), fallback: 'paid' },
    { name: 'recipientRegion', column: 'recipient_region', kind: 'text', schema: z.enum(regions), fallback: 'unknown' },
    { name: 'recipientCategory', column: 'recipient_category', kind: 'text', schema: oneOf<RecipientCategory>(recipientCategories), fallback: 'other' },
    fixed({ name: 'reversesId', column: 'reverses_id', kind: 'nullableText', schema: z.uuid().nullable() }),
    isoTimeField('requestedAt', 'requested_at'),
    { name: 'paidAt', column: 'paid_at', kind: 'nullableText', schema: z.string().max(40).regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/).nullable() },
    isoTimeField('createdAt', 'created_at'),
  ],
  newRowColumns: (ctx, rows) =>
    rows.map(() => ({
      programme_id: null,
      case_id: null,
      request_id: null,
      requested_by: null,
      approved_by: null,
      paid_by: null,
      payment_reference: '',
      status_reason: '',
      duplicate_reason: '',
      budget_override_reason: '',
      origin_office: ctx.from ?? 'Partner office',
      updated_at: ctx.now,
    })),
  derive: (values) => ({ purpose_key: purposeKey(String(values.purpose ?? '')) }),
  shared: (ctx, policy, keys) => {
    if (!sharesGroup(policy, 'aid') || keys.length === 0) return new Set();
    const rows = ctx.sqlite
      .prepare(
        `SELECT id, recipient_id AS recipient FROM aid_disbursements
         WHERE id IN (SELECT value FROM json_each(?)) AND status = 'paid' AND origin_office IS NULL`,
      )
      .all(keyList(keys)) as { id: string; recipient: string }[];
    const persons = personEntity.shared!(ctx, policy, [...new Set(rows.map((r) => r.recipient))]);
    return new Set(rows.filter((r) => persons.has(r.recipient)).map((r) => r.id));
  },
  label: ({ sqlite }, key) => {
    const row = sqlite.prepare('SELECT date, amount_minor AS amount, currency, type FROM aid_disbursements WHERE id = ?').get(key) as
      | { date: string; amount: number; currency: string; type: string }
      | undefined;
    return row ? `${row.date} · ${row.type} · ${row.amount} ${row.currency} (minor units)` : null;
  },
};
