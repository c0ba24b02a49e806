import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRecord } from '../../../shared/domain/persons';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { problemText } from '../../components/error-text';
import { formatPartialDate } from '../../components/format-date';
import { usePersonSearch } from './use-person-search';

interface PersonSearchProps {
  label: string;
  placeholder: string;
  noMatches: string;
  query: string;
  onQueryChange: (query: string) => void;
  /** Also show the Latin spelling of a name written in another script. */
  showLatinName?: boolean;
  showRegion?: boolean;
  /** What can be done with a found person, at the end of their row. */
  action: (person: PersonRecord) => ReactNode;
}

/** A name search (any script) and the persons it finds. */
export function PersonSearch({ label, placeholder, noMatches, query, onQueryChange, showLatinName, showRegion, action }: PersonSearchProps) {
  const { t, i18n } = useTranslation();
  const { results, error, searched } = usePersonSearch(query);
  return (
    <>
      <Field
        label={label}
        type="search"
        placeholder={placeholder}
        maxLength={200}
        autoComplete="off"
        value={query}
        onChange={(event) => onQueryChange(event.target.value)}
      />
      {searched ? (
        results.length ? (
          <ul className="plain-list search-results">
            {results.map((person) => (
              <li key={person.id} className="list-row">
                <span className="person-name">{person.displayName}</span>
                {showLatinName && person.latinName && person.latinName !== person.displayName ? (
                  <span className="muted" lang="en">
                    {person.latinName}
                  </span>
                ) : null}
                {person.birthDate ? <span className="muted">{t('persons.born', { date: formatPartialDate(person.birthDate, i18n.language) })}</span> : null}
                {showRegion && person.region ? <span className="muted">{t(`regions.${person.region}`)}</span> : null}
                {action(person)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{noMatches}</p>
        )
      ) : null}
      {error ? <FormMessage error={problemText(t, { error })} /> : null}
    </>
  );
}
