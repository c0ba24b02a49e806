import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { reportGroupings, type ProgrammeRecord, type ReportGrouping } from '../../../shared/domain/aid';
import { currencies, formatMinor } from '../../../shared/domain/money';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useRemote } from '../../components/use-remote';
import { aidErrorText } from './aid-error';
import { useAidLabels } from './aid-labels';

const palette = ['#4a7ab8', '#b8442f', '#3f8f5a', '#8a5fb0', '#c28a1e'];

/** Paid net of reversals, grouped five ways, per currency; conversion only with rates the person types. */
export function ReportsView({ programmes, canExport }: { programmes: ProgrammeRecord[]; canExport: boolean }) {
  const { t } = useTranslation();
  const labels = useAidLabels();
  const [groupBy, setGroupBy] = useState<ReportGrouping>('month');
  const [programmeId, setProgrammeId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [convertTo, setConvertTo] = useState('');
  const [rates, setRates] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ error?: string; success?: string } | null>(null);
  const query = {
    groupBy,
    ...(programmeId ? { programmeId } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const report = useRemote(() => call('aid.report', query), [JSON.stringify(query)]);
  const r = report.value;
  const currenciesShown = [...new Set(r?.rows.map((row) => row.currency) ?? [])];
  const keyLabel = (key: string, label: string) =>
    groupBy === 'type' ? labels.type(key) : groupBy === 'region' ? labels.region(key) : groupBy === 'category' ? labels.category(key) : label;
  const chartData = [...new Set(r?.rows.map((row) => row.key) ?? [])].map((key) => {
    const point: Record<string, string | number> = { key: keyLabel(key, r?.rows.find((row) => row.key === key)?.label ?? key) };
    for (const row of r?.rows.filter((x) => x.key === key) ?? []) point[row.currency] = Number(formatMinor(BigInt(row.netMinor), row.currency));
    return point;
  });
  const converted = useRemote(
    () => (convertTo && r && r.totals.length ? call('aid.report', { ...query, convert: { to: convertTo, rates } }) : Promise.resolve(null)),
    [JSON.stringify([query, convertTo, rates, r?.totals])],
  );

  async function exportAs(format: 'csv' | 'xlsx' | 'iati') {
    setMessage(null);
    if (!programmeId || !from || !to) {
      setMessage({ error: t('aid.reports.needProgramme') });
      return;
    }
    try {
      const language = labels.language;
      const result = await call('aid.export', { programmeId, from, to, format, language });
      if (result.path) setMessage({ success: t('aid.reports.exported', { count: result.entries, path: result.path }) });
    } catch (error) {
      setMessage({ error: aidErrorText(t, error) });
    }
  }

  return (
    <section className="aid-reports" aria-labelledby="aid-reports-heading">
      <h2 id="aid-reports-heading">{t('aid.reports.heading')}</h2>
      <div className="aid-toolbar">
        <SelectField label={t('aid.reports.groupBy')} value={groupBy} onChange={(event) => setGroupBy(event.target.value as ReportGrouping)}>
          {reportGroupings.map((g) => (
            <option key={g} value={g}>
              {t(`aid.reports.by.${g}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('aid.reports.programme')} value={programmeId} onChange={(event) => setProgrammeId(event.target.value)}>
          <option value="">{t('aid.reports.allProgrammes')}</option>
          {programmes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <Field label={t('aid.reports.from')} type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        <Field label={t('aid.reports.to')} type="date" value={to} onChange={(event) => setTo(event.target.value)} />
      </div>
      {report.error ? <FormMessage error={aidErrorText(t, report.error)} /> : null}
      {r && r.rows.length === 0 ? <p className="empty">{t('aid.reports.empty')}</p> : null}
      {r && r.rows.length > 0 ? (
        <>
          <figure className="aid-chart" aria-label={t('aid.reports.heading')}>
            <ResponsiveContainer width="100%" height={280}>
              <BarChart data={chartData} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="key" />
                <YAxis />
                <Tooltip />
                <Legend />
                {currenciesShown.map((c, i) => (
                  <Bar key={c} dataKey={c} name={c} fill={palette[i % palette.length]} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </figure>
          <table className="case-table aid-report-table">
            <thead>
              <tr>
                <th scope="col">{t('aid.reports.key')}</th>
                <th scope="col">{t('aid.reports.payments')}</th>
                <th scope="col">{t('aid.reports.amount')}</th>
                <th scope="col">{t('aid.reports.currency')}</th>
              </tr>
            </thead>
            <tbody>
              {r.rows.map((row) => (
                <tr key={`${row.key}|${row.currency}`}>
                  <td>{keyLabel(row.key, row.label)}</td>
                  <td>{row.payments}</td>
                  <td className="amount">{row.amount}</td>
                  <td>{row.currency}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              {r.totals.map((total) => (
                <tr key={total.currency} className="aid-total">
                  <th scope="row">{t('aid.reports.total')}</th>
                  <td>{r.payments}</td>
                  <td className="amount">{total.amount}</td>
                  <td>{total.currency}</td>
                </tr>
              ))}
            </tfoot>
          </table>
          <div className="aid-toolbar">
            <SelectField label={t('aid.reports.convertTo')} value={convertTo} onChange={(event) => setConvertTo(event.target.value)}>
              <option value="">{t('aid.reports.noConversion')}</option>
              {currencies.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </SelectField>
            {convertTo
              ? r.totals
                  .filter((total) => total.currency !== convertTo)
                  .map((total) => (
                    <Field key={total.currency} label={t('aid.reports.rate', { from: total.currency, to: convertTo })} inputMode="decimal" value={rates[total.currency] ?? ''} maxLength={40} onChange={(event) => setRates({ ...rates, [total.currency]: event.target.value })} />
                  ))
              : null}
          </div>
          {converted.value?.converted ? <p className="aid-converted">{t('aid.reports.converted', { amount: converted.value.converted.total.amount, currency: converted.value.converted.total.currency })}</p> : null}
          {converted.error && convertTo ? <FormMessage error={aidErrorText(t, converted.error)} /> : null}
        </>
      ) : null}
      {canExport ? (
        <div className="aid-export">
          <h3>{t('aid.reports.exportHeading')}</h3>
          <p className="field-hint">{t('aid.reports.exportHint')}</p>
          <div className="aid-actions">
            <button type="button" onClick={() => void exportAs('csv')}>
              {t('aid.reports.exportCsv')}
            </button>
            <button type="button" onClick={() => void exportAs('xlsx')}>
              {t('aid.reports.exportXlsx')}
            </button>
            <button type="button" onClick={() => void exportAs('iati')}>
              {t('aid.reports.exportIati')}
            </button>
          </div>
          {message ? <FormMessage error={message.error ?? null} success={message.success ?? null} /> : null}
        </div>
      ) : null}
    </section>
  );
}
