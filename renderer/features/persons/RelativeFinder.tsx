import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail, PersonRecord } from '../../../shared/domain/persons';
import { relationTypes, type RelationType } from '../../../shared/domain/vocabularies';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { problemText, type Problem } from '../../components/error-text';
import { formatPartialDate } from '../../components/format-date';
import { usePersonSearch } from '../cases/detail/use-person-search';

interface RelativeFinderProps {
  detail: PersonDetail;
  onAdded: (detail: PersonDetail, added: { name: string; relation: RelationType }) => void;
  /** Told when adding starts (null) and when it fails. */
  onProblem: (problem: Problem | null) => void;
}

/** Find a person by name in any script (the backend matches across scripts) and add them in the chosen relation. */
export function RelativeFinder({ detail, onAdded, onProblem }: RelativeFinderProps) {
  const { t, i18n } = useTranslation();
  const [relation, setRelation] = useState<RelationType>('spouse');
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const { results, error: searchError, searched } = usePersonSearch(query);
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
      <Field
        label={t('relatives.find')}
        type="search"
        placeholder={t('relatives.findPlaceholder')}
        maxLength={200}
        autoComplete="off"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {searched ? (
        results.length ? (
          <ul className="plain-list search-results">
            {results.map((person) => (
              <li key={person.id} className="list-row">
                <span className="person-name">{person.displayName}</span>
                {person.latinName && person.latinName !== person.displayName ? (
                  <span className="muted" lang="en">
                    {person.latinName}
                  </span>
                ) : null}
                {person.birthDate ? <span className="muted">{t('persons.born', { date: formatPartialDate(person.birthDate, i18n.language) })}</span> : null}
                {action(person)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('relatives.noMatches')}</p>
        )
      ) : null}
      {searchError ? <FormMessage error={problemText(t, { error: searchError })} /> : null}
    </div>
  );
}
