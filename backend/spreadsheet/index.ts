export { parseSpreadsheet, spreadsheetFormat, type ParsedSpreadsheet } from './parse';
export { guessMapping, mappingSignature } from './mapping';
export { toCaseInputs, missingRequiredFields, requiredImportFields, type ImportRow } from './rows';
export { casesToCsv, casesToXlsx, neutralizeFormula, type ExportLanguage } from './export';
export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, MAX_IMPORT_COLUMNS } from './limits';
