/** The configuration the server prepends to the script (`GET /embed/forms/{id}.js`); the contract with the forms module. */

import type { FormFieldType, Lang, LocalText } from '../domain/forms/form-fields.js';

export type { Lang };
export type Text = LocalText;

export type FieldType = FormFieldType;

export interface EmbedField {
  /** The submitted key, e.g. `person.email`, `lead.timeframe`, `cf.budget`. */
  name: string;
  type: FieldType;
  required: boolean;
  label: Text;
  help: Text | null;
  options: Array<{ value: string; label: Text }> | null;
  maxLength: number | null;
}

export interface EmbedConfig {
  formId: string;
  /** Absolute URL the submissions are POSTed to. */
  endpoint: string;
  /** Render token, sent back as `_t`. */
  token: string;
  /** The honeypot field's name: rendered hidden, must stay empty. */
  honeypot: string;
  defaultLanguage: Lang;
  fields: EmbedField[];
  consent: { required: boolean; text: Text } | null;
  submitLabel: Text;
  thankYou: Text;
  redirectUrl: string | null;
}

/** The name of the consent checkbox, in the body and in the server's `errors[].field`. */
export const CONSENT_FIELD = 'consent';

/** A body as ordered key/value pairs: repeated keys for a multiselect, and storable as JSON. */
export type Entries = Array<[string, string]>;
