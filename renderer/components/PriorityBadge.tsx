import { useTranslation } from 'react-i18next';
import type { Priority } from '../../shared/domain/cases';

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${priority}`}>{t(`priorities.${priority}`)}</span>;
}
