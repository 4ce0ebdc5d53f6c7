import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { PresetId } from '../../../domain/imports/presets';
import type { SavedMappingDto } from '../../lib/api';
import { type FileHead, sniffFile } from './header';
import { DEFAULT_OPTIONS, type ImportOptionsValues } from './import-options';
import {
  type ManualRow,
  type Mapping,
  type MappingProblems,
  manualMapping,
  mappingProblems,
  NO_PROBLEMS,
  suggestedMapping,
  type UploadProblems,
} from './mapping';
import { type SavedFrom, savedMappingFor } from './saved-mappings';
import { savedMappingsQuery } from './useImports';

/** Where the mapping on screen came from: the file's own suggestion, or the one remembered for this layout. */
export interface MappingOrigin {
  preset: PresetId | null;
  /** The import whose mapping this is, when it was remembered. */
  saved: SavedFrom | null;
}

const EMPTY_ROW: ManualRow = { column: '', field: null };

/**
 * The new-import wizard's state: the file and what its first bytes say, the mapping (suggested or
 * remembered for a CSV, typed in for a workbook), the options, and the problems to show — a
 * column's own at once, the mapping's as a whole once an upload was tried.
 */
export function useImportDraft() {
  const [file, setFile] = useState<File | null>(null);
  const [head, setHead] = useState<FileHead | null>(null);
  const [reading, setReading] = useState(false);
  const [mapping, setMapping] = useState<Mapping>({});
  const [origin, setOrigin] = useState<MappingOrigin>({ preset: null, saved: null });
  const [manualRows, setManualRows] = useState<ManualRow[]>([EMPTY_ROW]);
  const [options, setOptions] = useState<ImportOptionsValues>(DEFAULT_OPTIONS);
  const [sent, setSent] = useState<UploadProblems>(NO_PROBLEMS);
  const [tried, setTried] = useState(false);
  /** Which pick is current: a slow read of an earlier file must not overwrite a later one. */
  const pickCount = useRef(0);

  const queryClient = useQueryClient();
  // why: asked as the page opens, so a file picked at once finds the answer there
  useQuery(savedMappingsQuery);

  const startMapping = useCallback((header: string[], remembered: readonly SavedMappingDto[]) => {
    const suggestion = suggestedMapping(header);
    const saved = savedMappingFor(remembered, header);
    setMapping(saved?.mapping ?? suggestion.mapping);
    setOrigin({ preset: suggestion.preset, saved: saved?.from ?? null });
    setOptions((old) => ({ ...old, externalSystem: suggestion.preset ?? '' }));
  }, []);

  const pickFile = useCallback(
    async (next: File | null) => {
      const pick = ++pickCount.current;
      setFile(next);
      setHead(null);
      setSent(NO_PROBLEMS);
      setTried(false);
      if (!next) return;
      setReading(true);
      try {
        const read = await sniffFile(next);
        // why: remembered mappings are a convenience; when they cannot be had, the suggestion stands
        const remembered = await queryClient.ensureQueryData(savedMappingsQuery).catch(() => []);
        if (pick !== pickCount.current) return;
        setHead(read);
        if (read.kind === 'csv') startMapping(read.header, remembered);
      } catch (error) {
        // why: a file removed or locked since it was chosen cannot be read; say so under the input.
        console.warn('could not read the chosen file', error);
        if (pick === pickCount.current) setSent({ ...NO_PROBLEMS, fields: { file: 'unreadable' } });
      } finally {
        if (pick === pickCount.current) setReading(false);
      }
    },
    [startMapping, queryClient],
  );

  const isXlsx = head?.kind === 'xlsx';
  const header = head?.kind === 'csv' ? head.header : [];
  const effective = isXlsx ? manualMapping(manualRows) : mapping;
  const local = mappingProblems(effective, isXlsx ? Object.keys(effective) : header);
  const problems: MappingProblems & Pick<UploadProblems, 'fields' | 'messages'> = {
    columns: { ...local.columns, ...sent.columns },
    general: [...new Set([...(tried ? local.general : []), ...sent.general])],
    fields: sent.fields,
    messages: sent.messages,
  };

  /** A change of the mapping clears what the server said about it (it may no longer hold). */
  const clearSentMapping = () => setSent((old) => ({ ...old, columns: {}, general: [] }));

  return {
    file,
    head,
    reading,
    header,
    isXlsx,
    mapping: effective,
    origin,
    manualRows,
    options,
    problems,
    /** Whether nothing stops an upload that the browser can see. */
    ready:
      file !== null &&
      (head?.kind === 'csv' || isXlsx) &&
      local.general.length === 0 &&
      Object.keys(local.columns).length === 0 &&
      options.match.length > 0,
    pickFile,
    setColumn: (column: string, field: string | null) => {
      setMapping((old) => ({ ...old, [column]: field }));
      clearSentMapping();
    },
    applySuggestion: () => {
      setMapping(suggestedMapping(header).mapping);
      setOrigin((old) => ({ ...old, saved: null }));
      clearSentMapping();
    },
    setManualRows: (rows: ManualRow[]) => {
      setManualRows(rows.length ? rows : [EMPTY_ROW]);
      clearSentMapping();
    },
    setOption: <K extends keyof ImportOptionsValues>(key: K, value: ImportOptionsValues[K]) => {
      setOptions((old) => ({ ...old, [key]: value }));
      setSent((old) => {
        if (!(key in old.fields)) return old;
        const { [key]: _cleared, ...fields } = old.fields;
        return { ...old, fields };
      });
    },
    /** Marks an upload as tried (the mapping's overall problems show) and keeps what the server refused. */
    tried: (refused: UploadProblems = NO_PROBLEMS) => {
      setTried(true);
      setSent(refused);
    },
  };
}
