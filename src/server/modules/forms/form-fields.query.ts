import {
  type CustomFieldChoice,
  type FormField,
  type RenderedField,
  renderFields,
} from '../../../domain/forms/form-fields.js';
import type { Db } from '../../db/database.js';
import { listProducts } from '../catalogue/catalogue.repository.js';
import { listCustomFields } from '../custom-fields/custom-fields.repository.js';

/** Lead custom fields as a form can offer them. */
export async function customFieldChoices(db: Db): Promise<CustomFieldChoice[]> {
  const defs = await listCustomFields(db, { entity: 'lead' });
  return defs.map((d) => ({
    key: d.key,
    label: { lt: d.labelLt, en: d.labelEn },
    type: d.type,
    options: d.options.map((o) => ({ value: o.value, label: { lt: o.labelLt, en: o.labelEn } })),
    active: d.active,
  }));
}

/** A form's fields as a visitor sees them today: active products, current custom fields. */
export async function renderedFields(db: Db, fields: readonly FormField[]): Promise<RenderedField[]> {
  return renderFields(fields, await listProducts(db, { active: true }), await customFieldChoices(db));
}
