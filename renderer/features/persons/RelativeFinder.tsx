import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail, PersonRecord } from '../../../shared/domain/persons';
import { relationTypes, type RelationType } from '../../../shared/domain/vocabularies';
import { call } from '../../api';
import { SelectField } from '../../components/SelectField';
import type { Problem } from '../../components/error-text';
import { PersonSearch } from './PersonSearch';

interface RelativeFinderProps {
  detail: PersonDetail;
  onAdded: (detail: PersonDetail, added: { name: string; relation: RelationType }) => void;
  /** Told when adding starts (null) and when it fails. */
  onProblem: (problem: Problem | null) => void;
}

/** Find a person by name in any script (the backend matches across scripts) and add them in the chosen relation. */
export function RelativeFinder({ detail, onAdded, onProblem }: RelativeFinderProps) {
  const { t } = useTranslation();
  const [relation, setRelation] = useState<RelationType>('spouse');
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const already = new Set(detail.relatives.filter((r) => r.relation === relation).map((r) => r.personId));

  async function add(person: PersonRecord) {
    setBusy(true);
    onProblem(null);
    try {
      const next = await call('persons.addRelation', { personId: detail.id, relativeId: person.id, relation });
      onAdded(next, { name: person.displayName, relation });
      setQuery('');
    } catch (error) {
      onProblem({ error });
    } finally {
      setBusy(false);
    }
  }

  function action(person: PersonRecord) {
    if (person.id === detail.id) return <span className="muted">{t('relatives.self')}</span>;
    if (already.has(person.id)) return <span className="muted">{t('relatives.already')}</span>;
    return (
      <button type="button" aria-label={t('relatives.addName', { name: person.displayName })} disabled={busy} onClick={() => void add(person)}>
        {t('relatives.add')}
      </button>
    );
  }

  return (
    <div className="person-linker">
      <SelectField label={t('relatives.relation')} className="field-narrow-select" value={relation} onChange={(event) => setRelation(event.target.value as RelationType)}>
        {relationTypes.map((value) => (
          <option key={value} value={value}>
            {t(`relations.${value}`)}
          </option>
        ))}
      </SelectField>
      <PersonSearch
        label={t('relatives.find')}
        placeholder={t('relatives.findPlaceholder')}
        noMatches={t('relatives.noMatches')}
        query={query}
        onQueryChange={setQuery}
        showLatinName
        action={action}
      />
    </div>
  );
}
