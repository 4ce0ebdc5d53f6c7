/**
 * The lead sources the seed document names (S3), seeded once by the leads migration with fixed ids
 * so every installation agrees on them. Admins rename, reorder, deactivate or add more later.
 */
export const SEED_SOURCES = [
  {
    id: '01900000-0000-7000-8000-000000000001',
    key: 'customer_referral',
    lt: 'Esamo kliento rekomendacija',
    en: 'Referral from a customer',
  },
  {
    id: '01900000-0000-7000-8000-000000000002',
    key: 'advertising',
    lt: 'Atsakas į reklamą',
    en: 'Advertising response',
  },
  {
    id: '01900000-0000-7000-8000-000000000003',
    key: 'purchased_list',
    lt: 'Pirktas kontaktų sąrašas',
    en: 'Purchased list',
  },
  { id: '01900000-0000-7000-8000-000000000004', key: 'webinar', lt: 'Vebinaras', en: 'Webinar' },
  { id: '01900000-0000-7000-8000-000000000005', key: 'lunch', lt: 'Pietūs', en: 'Lunch' },
  { id: '01900000-0000-7000-8000-000000000006', key: 'trade_show', lt: 'Paroda', en: 'Trade show' },
  {
    id: '01900000-0000-7000-8000-000000000007',
    key: 'peer_meeting',
    lt: 'Kolegų susitikimas',
    en: 'Peer meeting',
  },
  {
    id: '01900000-0000-7000-8000-000000000008',
    key: 'sponsored_event',
    lt: 'Remiamas renginys',
    en: 'Sponsored event',
  },
  {
    id: '01900000-0000-7000-8000-000000000009',
    key: 'offline_event',
    lt: 'Kitas gyvas renginys',
    en: 'Other offline event',
  },
  {
    id: '01900000-0000-7000-8000-00000000000a',
    key: 'third_party_meeting',
    lt: 'Trečiųjų šalių susitikimas',
    en: 'Third-party meeting',
  },
  {
    id: '01900000-0000-7000-8000-00000000000b',
    key: 'customer_feedback',
    lt: 'Klientų atsiliepimai',
    en: 'Customer feedback',
  },
  {
    id: '01900000-0000-7000-8000-00000000000c',
    key: 'blog_post',
    lt: 'Tinklaraščio įrašas',
    en: 'Blog post',
  },
  { id: '01900000-0000-7000-8000-00000000000d', key: 'infographic', lt: 'Infografikas', en: 'Infographic' },
  { id: '01900000-0000-7000-8000-00000000000e', key: 'image', lt: 'Vaizdas', en: 'Image' },
  { id: '01900000-0000-7000-8000-00000000000f', key: 'video', lt: 'Vaizdo įrašas', en: 'Video' },
  {
    id: '01900000-0000-7000-8000-000000000010',
    key: 'email_marketing',
    lt: 'El. pašto rinkodara',
    en: 'E-mail marketing',
  },
  {
    id: '01900000-0000-7000-8000-000000000011',
    key: 'social_network',
    lt: 'Socialinis tinklas',
    en: 'Social network',
  },
  { id: '01900000-0000-7000-8000-000000000012', key: 'linkedin', lt: 'LinkedIn', en: 'LinkedIn' },
  {
    id: '01900000-0000-7000-8000-000000000013',
    key: 'networking',
    lt: 'Tinklaveika / prekybos rūmai',
    en: 'Networking / chamber of commerce',
  },
  {
    id: '01900000-0000-7000-8000-000000000014',
    key: 'local_advertising',
    lt: 'Vietinė reklama',
    en: 'Local advertising',
  },
  {
    id: '01900000-0000-7000-8000-000000000015',
    key: 'website_chat',
    lt: 'Svetainės pokalbių langas',
    en: 'Website chat',
  },
  { id: '01900000-0000-7000-8000-000000000016', key: 'web_form', lt: 'Svetainės forma', en: 'Web form' },
  {
    id: '01900000-0000-7000-8000-000000000017',
    key: 'closed_lost_recovery',
    lt: 'Prarastų sandorių susigrąžinimas',
    en: 'Closed-lost recovery',
  },
  { id: '01900000-0000-7000-8000-000000000018', key: 'other', lt: 'Kita', en: 'Other' },
] as const;
