import type {
  CustomFieldDto,
  CustomFieldListQueryInput,
  CustomFieldOption,
} from '../../../server/modules/custom-fields/custom-fields.schemas';
import { type ItemList, request, withQuery } from './client';

/** The custom fields administrators define for people, organisations and leads (forms and filters read them). */

export type { CustomFieldDto, CustomFieldOption };

export const customFieldsApi = {
  list: (query: CustomFieldListQueryInput) =>
    request<ItemList<CustomFieldDto>>('GET', withQuery('/custom-fields', { ...query })),
};
