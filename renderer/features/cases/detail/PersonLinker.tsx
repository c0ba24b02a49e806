import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/domain/cases';
import { casePersonRoles, type CasePersonRole } from '../../../../shared/domain/vocabularies';
import { call } from '../../../api';
import { Field } from '../../../components/Field';
import { FormMessage } from '../../../components/FormMessage';
import { SelectField } from '../../../components/SelectField';
import { problemText, type Problem } from '../../../components/error-text';
import { SimilarPersonsWarning } from '../../duplicates/SimilarPersonsWarning';
import { useSimilarPersons } from '../../duplicates/use-similar-persons';
import { PersonSearch } from '../../persons/PersonSearch';

const emptyName = { givenName: '', familyName: '', patronymic: '' };

/** Link an existing person (found by name) or record a new one, in the chosen role. */
export function PersonLinker({ detail, onLinked }: { detail: CaseDetail; onLinked: (detail: CaseDetail) => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<CasePersonRole>('victim');
  const [query, setQuery] = useState('');
  const [name, setName] = useState(emptyName);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const linked = new Set(detail.persons.filter((p) => p.role === role).map((p) => p.personId));
  const similar = useSimilarPersons([name.givenName, name.patronymic, name.familyName].map((part) => part.trim()).filter(Boolean).join(' '));

  async function link(personId: string) {
    setBusy(true);
    setProblem(null);
    try {
      onLinked(await call('cases.linkPerson', { caseId: detail.id, personId, role }));
      setQuery('');
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  }

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!name.givenName.trim() && !name.familyName.trim()) {
      setProblem({ local: 'persons.nameRequired' });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const person = await call('persons.create', name);
      onLinked(await call('cases.linkPerson', { caseId: detail.id, personId: person.id, role }));
      setName(emptyName);
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="person-linker">
      <SelectField label={t('persons.role')} className="field-narrow-select" value={role} onChange={(event) => setRole(event.target.value as CasePersonRole)}>
        {casePersonRoles.map((value) => (
          <option key={value} value={value}>
            {t(`casePersonRoles.${value}`)}
          </option>
        ))}
      </SelectField>
      <PersonSearch
        label={t('persons.find')}
        placeholder={t('persons.findPlaceholder')}
        noMatches={t('persons.noMatches')}
        query={query}
        onQueryChange={setQuery}
        showRegion
        action={(person) =>
          linked.has(person.id) ? (
            <span className="muted">{t('persons.linked')}</span>
          ) : (
            <button type="button" aria-label={t('persons.linkName', { name: person.displayName })} disabled={busy} onClick={() => void link(person.id)}>
              {t('persons.link')}
            </button>
          )
        }
      />
      <form className="new-person" onSubmit={create} noValidate autoComplete="off">
        <h4>{t('persons.createHeading')}</h4>
        <div className="field-row field-row-3">
          <Field label={t('persons.givenName')} maxLength={120} value={name.givenName} onChange={(e) => setName({ ...name, givenName: e.target.value })} />
          <Field label={t('persons.patronymic')} maxLength={120} value={name.patronymic} onChange={(e) => setName({ ...name, patronymic: e.target.value })} />
          <Field label={t('persons.familyName')} maxLength={120} value={name.familyName} onChange={(e) => setName({ ...name, familyName: e.target.value })} />
        </div>
        <SimilarPersonsWarning matches={similar} />
        <FormMessage error={problemText(t, problem)} />
        <div className="actions">
          <button type="submit" disabled={busy} aria-busy={busy}>
            {t('persons.create')}
          </button>
        </div>
      </form>
    </div>
  );
}
