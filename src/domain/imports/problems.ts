/**
 * Why a row was rejected or skipped, as the error report and the screens say it. Field rules
 * (required, invalid_format, too_long …) come from the write path's own messages.
 */
export const ROW_PROBLEMS = {
  ragged_row: 'has more or fewer cells than the header',
  unclosed_quote: 'has a quote that is never closed; the rest of the file could not be read',
  invalid_encoding: 'has characters that are not valid in the file’s encoding',
  record_too_large: 'is larger than 8 MB; the rest of the file could not be read',
  duplicate_in_file: 'repeats a person an earlier row of this file already has',
  ambiguous_match: 'has a phone number that several people share, so it matches nobody for sure',
  not_visible: 'matches a person you may not see, so it was left alone',
  exists: 'matches an existing person',
  no_change: 'matches an existing person with nothing to change',
  kept_changed: 'was kept by the undo: someone worked on the lead since',
} as const;
export type RowProblemCode = keyof typeof ROW_PROBLEMS;
