/**
 * Every synced entity, parents before the records that depend on them. To sync a new table, declare it
 * (see `../registry.ts` and docs/adr/009-change-capture.md) and add it here.
 */
import { Registry } from '../registry';
import { attachmentEntity, caseEntity, casePersonEntity, caseTagEntity, caseViolationEntity } from './cases';
import { personEntity, personRelationEntity } from './persons';
import { personLinkEntity } from './person-links';
import { disbursementEntity } from './aid';

export const registry = new Registry([caseEntity, personEntity, casePersonEntity, caseViolationEntity, caseTagEntity, personRelationEntity, attachmentEntity, personLinkEntity, disbursementEntity]);
