import { useCallback, useRef, useState } from 'react';
import { MAX_IMPORT_BYTES, type ImportField, type ImportMapping, type ImportPreview } from '../../../shared/domain/spreadsheet';
import { call } from '../../api';
import { readFileAsBase64 } from '../../components/read-file';

export type ImportPhase = 'idle' | 'reading' | 'previewing' | 'ready' | 'importing' | 'done';

interface Picked {
  fileName: string;
  dataBase64: string;
}

/**
 * Reads a spreadsheet, asks the backend to check it (again after each mapping change) and imports it.
 * The file's bytes live only in this hook's memory while the dialog is open.
 */
export function useImport() {
  const [phase, setPhase] = useState<ImportPhase>('idle');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tooLarge, setTooLarge] = useState<number | null>(null);
  const [imported, setImported] = useState(0);
  const file = useRef<Picked | null>(null);
  /** Only the latest preview request may show its answer. */
  const request = useRef(0);

  const check = useCallback(async (mapping?: ImportMapping) => {
    const picked = file.current;
    if (!picked) return;
    const mine = ++request.current;
    setPhase('previewing');
    setError(null);
    try {
      const next = await call('cases.importPreview', { ...picked, ...(mapping ? { mapping } : {}) });
      if (mine !== request.current) return;
      setPreview(next);
      setPhase('ready');
    } catch (failure) {
      if (mine !== request.current) return;
      setError(failure);
      setPhase(preview ? 'ready' : 'idle');
    }
  }, [preview]);

  const choose = useCallback(
    async (picked: File) => {
      request.current += 1;
      file.current = null;
      setPreview(null);
      setError(null);
      setImported(0);
      if (picked.size > MAX_IMPORT_BYTES) {
        setTooLarge(picked.size);
        setPhase('idle');
        return;
      }
      setTooLarge(null);
      setPhase('reading');
      try {
        file.current = { fileName: picked.name, dataBase64: await readFileAsBase64(picked) };
      } catch (failure) {
        setError(failure);
        setPhase('idle');
        return;
      }
      await check();
    },
    [check],
  );

  const remap = useCallback(
    (field: ImportField, column: string) => {
      if (!preview) return;
      const mapping: ImportMapping = { ...preview.mapping };
      if (column) mapping[field] = column;
      else delete mapping[field];
      setPreview({ ...preview, mapping });
      void check(mapping);
    },
    [preview, check],
  );

  const runImport = useCallback(async () => {
    const picked = file.current;
    if (!picked || !preview) return;
    setPhase('importing');
    setError(null);
    try {
      const result = await call('cases.import', { ...picked, mapping: preview.mapping });
      setImported(result.ids.length);
      file.current = null;
      setPhase('done');
    } catch (failure) {
      setError(failure);
      setPhase('ready');
    }
  }, [preview]);

  return { phase, preview, error, tooLarge, imported, choose, remap, runImport };
}
