import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { ProgrammeDetail } from '../../../shared/domain/aid';
import { formatMinor } from '../../../shared/domain/money';

/**
 * Paid per month (bars) and the budget left after it (line). Chart values are converted to numbers only for
 * drawing; every figure shown as text comes from the exact minor units.
 */
export function BurnDownChart({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const data = programme.burnDown.map((m) => ({
    month: m.month,
    paid: Number(formatMinor(BigInt(m.paidMinor), programme.currency)),
    remaining: Number(formatMinor(BigInt(m.remainingMinor), programme.currency)),
  }));
  if (data.length === 0) return <p>{t('aid.programmes.noPayments')}</p>;
  return (
    <figure className="aid-chart" aria-label={t('aid.programmes.burnDown')}>
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="month" />
          <YAxis />
          <Tooltip />
          <Legend />
          <Bar dataKey="paid" name={t('aid.programmes.paidBar')} fill="#4a7ab8" isAnimationActive={false} />
          <Line dataKey="remaining" name={t('aid.programmes.remainingLine')} stroke="#b8442f" strokeWidth={2} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
