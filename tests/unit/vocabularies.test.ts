import { describe, expect, it } from 'vitest';
import * as v from '../../shared/domain/vocabularies';
import { caseStatuses, priorities, regions } from '../../shared/domain/cases';
import { roles } from '../../shared/domain/staff';

describe('vocabularies', () => {
  const pairs: [readonly string[], Record<string, v.Labels>][] = [
    [v.violationTypes, v.violationLabels],
    [v.casePersonRoles, v.casePersonRoleLabels],
    [v.relationTypes, v.relationLabels],
    [v.genders, v.genderLabels],
    [v.riskFlags, v.riskLabels],
    [v.personFlags, v.personFlagLabels],
    [regions, v.regionLabels],
    [priorities, v.priorityLabels],
    [caseStatuses, v.statusLabels],
    [roles, v.roleLabels],
  ];
  it('labels every value, and only those, in be, ru and en', () => {
    for (const [values, labels] of pairs) {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const value of values) {
        for (const language of ['en', 'ru', 'be'] as const) expect(labels[value]?.[language], `${value}/${language}`).toMatch(/\S/);
      }
    }
  });
});
