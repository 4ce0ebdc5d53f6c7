import { Type } from 'typebox';
import { Id, Timestamp } from '../../schemas/common.js';

const Text = Type.Union([Type.String(), Type.Null()]);

export const TouchSchema = Type.Object(
  {
    id: Id,
    channel: Type.String({ description: 'form | chat | webhook | tracking | referral' }),
    originKind: Text,
    originId: Text,
    utmSource: Text,
    utmMedium: Text,
    utmCampaign: Text,
    utmTerm: Text,
    utmContent: Text,
    gclid: Text,
    fbclid: Text,
    referrer: Text,
    landingPage: Text,
    occurredAt: Timestamp,
  },
  { $id: 'Touch', description: 'one arrival with its campaign parameters, referrer and landing page' },
);

export const AttributionSchema = Type.Object({
  first: Type.Union([Type.Ref('Touch'), Type.Null()], { description: 'first touch' }),
  last: Type.Union([Type.Ref('Touch'), Type.Null()], { description: 'latest touch' }),
  touches: Type.Array(Type.Ref('Touch'), { description: 'every touch, oldest first (at most 200)' }),
});
