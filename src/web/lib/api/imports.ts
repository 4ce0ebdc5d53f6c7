import type {
  ImportDto,
  ImportSettingsInput,
  SavedMappingDto,
} from '../../../server/modules/imports/imports.schemas';
import { apiUrl, type ItemList, id, request } from './client';

/** List imports: upload a CSV or XLSX with its mapping, follow it, run it after a dry run, undo it. */

export type { ImportDto, ImportSettingsInput, SavedMappingDto };
export type ImportStatus = ImportDto['status'];
export type ImportSample = ImportDto['samples'][number];

/**
 * The multipart body of an upload: the settings as text fields (the mapping as JSON, the match keys
 * as a comma list, empty text for "none"), then the file, so the server reads the settings first.
 */
export function importFormData(file: Blob & { name?: string }, settings: ImportSettingsInput): FormData {
  const form = new FormData();
  form.append('mapping', JSON.stringify(settings.mapping));
  form.append('match', settings.match.join(','));
  form.append('mode', settings.mode);
  form.append('dryRun', String(settings.dryRun));
  const optional = {
    sourceId: settings.sourceId,
    campaignId: settings.campaignId,
    memberStatus: settings.memberStatus,
    ownerId: settings.ownerId,
    externalSystem: settings.externalSystem,
  };
  for (const [name, value] of Object.entries(optional)) if (value) form.append(name, value);
  form.append('file', file, file.name ?? 'upload');
  return form;
}

export const importsApi = {
  /** The caller's imports, newest first (an admin sees everyone's). */
  list: () => request<ItemList<ImportDto>>('GET', '/imports'),
  get: (importId: string) => request<ImportDto>('GET', `/imports/${id(importId)}`),
  /** The mappings of recent imports, one per header layout, newest first. */
  savedMappings: () => request<ItemList<SavedMappingDto>>('GET', '/imports/mappings'),
  /** Uploads and queues an import; 400 names `file`, `mapping.<column>` or a setting, 413 a file too large. */
  create: (file: Blob & { name?: string }, settings: ImportSettingsInput) =>
    request<{ id: string }>('POST', '/imports', importFormData(file, settings)),
  /** Runs a previewed (dry-run) import for real, from the file already uploaded. */
  run: (importId: string) => request<ImportDto>('POST', `/imports/${id(importId)}/run`),
  undo: (importId: string) => request<ImportDto>('POST', `/imports/${id(importId)}/undo`),
  cancel: (importId: string) => request<ImportDto>('POST', `/imports/${id(importId)}/cancel`),
  /** The row-level report (CSV) as a link: the browser downloads it with the session cookie. */
  reportUrl: (importId: string) => apiUrl(`/imports/${id(importId)}/errors.csv`),
};
