/**
 * Reports over the paid ledger (payments net of reversals) of this office. They read the derived
 * `aid_ledger_totals`; `reportFromLedger` computes the same from the ledger rows themselves, and the donor
 * export refuses to write when the two disagree.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AidReport, ReportGrouping, ReportQuery, ReportRow } from '../../shared/domain/aid';
import { convertMinor, formatMinor, moneyTotal } from '../../shared/domain/money';
import { AppError } from '../../shared/errors';
import { aidDisbursements, aidLedgerTotals, aidProgrammes } from '../schema';
import type { Db } from './changes';

type Grouped = { key: string; currency: string; net: string; payments: number };

const dimensionOf: Record<ReportGrouping, 'type' | 'region' | 'category'> = {
  programme: 'type',
  month: 'type',
  type: 'type',
  region: 'region',
  category: 'category',
};

function totalsKey(groupBy: ReportGrouping): SQL {
  if (groupBy === 'programme') return sql`${aidLedgerTotals.programmeId}`;
  if (groupBy === 'month') return sql`substr(${aidLedgerTotals.day}, 1, 7)`;
  return sql`${aidLedgerTotals.value}`;
}

function ledgerKey(groupBy: ReportGrouping): SQL {
  switch (groupBy) {
    case 'programme':
      return sql`coalesce(${aidDisbursements.programmeId}, '')`;
    case 'month':
      return sql`substr(${aidDisbursements.date}, 1, 7)`;
    case 'type':
      return sql`${aidDisbursements.type}`;
    case 'region':
      return sql`${aidDisbursements.recipientRegion}`;
    case 'category':
      return sql`${aidDisbursements.recipientCategory}`;
  }
}

function fromTotals(db: Db, query: ReportQuery): Grouped[] {
  const t = aidLedgerTotals;
  const where = [sql`${t.dimension} = ${dimensionOf[query.groupBy]}`, sql`${t.office} = ''`];
  if (query.programmeId) where.push(sql`${t.programmeId} = ${query.programmeId}`);
  if (query.from) where.push(sql`${t.day} >= ${query.from}`);
  if (query.to) where.push(sql`${t.day} <= ${query.to}`);
  const key = totalsKey(query.groupBy);
  return db.all<Grouped>(
    sql`SELECT ${key} AS key, ${t.currency} AS currency, CAST(sum(${t.netMinor}) AS TEXT) AS net, sum(${t.payments}) AS payments
        FROM ${t} WHERE ${sql.join(where, sql` AND `)} GROUP BY 1, 2 ORDER BY 1, 2`,
  );
}

/** The same report straight from the ledger rows: the reference the derived totals must agree with. */
function fromLedger(db: Db, query: ReportQuery): Grouped[] {
  const d = aidDisbursements;
  const where = [sql`${d.status} = 'paid'`, sql`${d.originOffice} IS NULL`];
  if (query.programmeId) where.push(sql`${d.programmeId} = ${query.programmeId}`);
  if (query.from) where.push(sql`${d.date} >= ${query.from}`);
  if (query.to) where.push(sql`${d.date} <= ${query.to}`);
  const key = ledgerKey(query.groupBy);
  return db.all<Grouped>(
    sql`SELECT ${key} AS key, ${d.currency} AS currency, CAST(sum(${d.amountMinor}) AS TEXT) AS net,
        sum(CASE WHEN ${d.amountMinor} < 0 THEN -1 ELSE 1 END) AS payments
        FROM ${d} NOT INDEXED WHERE ${sql.join(where, sql` AND `)} GROUP BY 1, 2 ORDER BY 1, 2`,
  );
}

function programmeNames(db: Db): Map<string, string> {
  return new Map(db.select({ id: aidProgrammes.id, name: aidProgrammes.name }).from(aidProgrammes).all().map((p) => [p.id, p.name]));
}

function assemble(db: Db, query: ReportQuery, grouped: Grouped[]): AidReport {
  const names = query.groupBy === 'programme' ? programmeNames(db) : null;
  const rows: ReportRow[] = grouped.map((g) => ({
      key: g.key,
      label: names?.get(g.key) ?? g.key,
      currency: g.currency,
      netMinor: g.net,
      amount: formatMinor(BigInt(g.net), g.currency),
    payments: g.payments,
  }));
  const byCurrency = new Map<string, bigint>();
  for (const row of rows) byCurrency.set(row.currency, (byCurrency.get(row.currency) ?? 0n) + BigInt(row.netMinor));
  const totals = [...byCurrency.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => moneyTotal(currency, minor));
  const report: AidReport = {
    groupBy: query.groupBy,
    programmeId: query.programmeId ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
    rows,
    totals,
    payments: rows.reduce((n, r) => n + r.payments, 0),
  };
  if (query.convert) report.converted = convert(totals, query.convert);
  return report;
}

function convert(totals: AidReport['totals'], conversion: NonNullable<ReportQuery['convert']>): AidReport['converted'] {
  const { to, rates } = conversion;
  let sum = 0n;
  const parts = totals.map((total) => {
    const rate = total.currency === to ? '1' : (rates as Record<string, string | undefined>)[total.currency];
    if (rate === undefined) throw new AppError('VALIDATION', `convert.rates.${total.currency}: enter a rate from ${total.currency} to ${to}`);
    const minor = convertMinor(BigInt(total.minor), total.currency, to, rate);
    sum += minor;
    return { currency: total.currency, rate, minor: minor.toString(), amount: formatMinor(minor, to) };
  });
  return { to, rounding: 'half-even, once per currency total', parts, total: moneyTotal(to, sum) };
}

export function buildReport(db: Db, query: ReportQuery): AidReport {
  return assemble(db, query, fromTotals(db, query));
}

export function reportFromLedger(db: Db, query: ReportQuery): AidReport {
  return assemble(db, query, fromLedger(db, query));
}

/** Recomputes the derived totals from the ledger (after a restore from an old build, or to check them). */
export function rebuildLedgerTotals(db: Db): void {
  db.run(sql`DELETE FROM ${aidLedgerTotals}`);
  for (const [dimension, column] of [
    ['type', 'type'],
    ['region', 'recipient_region'],
    ['category', 'recipient_category'],
  ] as const) {
    db.run(
      sql`INSERT INTO ${aidLedgerTotals} (dimension, programme_id, office, currency, day, value, net_minor, payments)
          SELECT ${dimension}, coalesce(programme_id, ''), coalesce(origin_office, ''), currency, date, ${sql.raw(column)},
                 sum(amount_minor), sum(CASE WHEN amount_minor < 0 THEN -1 ELSE 1 END)
          FROM ${aidDisbursements} WHERE status = 'paid' GROUP BY 2, 3, 4, 5, 6`,
    );
  }
}
