/**
 * Engagement tracking (issue #4 §5): content the organisation publishes — blog posts, infographics,
 * images, videos, social posts — and what people do with it (view, click, like, react, share,
 * comment). Pure rules: which seeded lead source a piece of content stands for, how a page URL
 * finds its content item, and how earlier anonymous engagement is summed up on a new lead.
 */

export const CONTENT_KINDS = ['blog_post', 'infographic', 'image', 'video', 'social_post'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export const ENGAGEMENT_KINDS = ['view', 'click', 'like', 'reaction', 'share', 'comment'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

/** Channels whose own seeded source beats the kind's (a video on LinkedIn is a LinkedIn lead). */
const CHANNEL_SOURCE_KEYS: Readonly<Record<string, string>> = { linkedin: 'linkedin' };

/** The seeded source of each kind of content (keys in db/migrations/seed-sources.ts). */
const KIND_SOURCE_KEYS: Readonly<Record<ContentKind, string>> = {
  blog_post: 'blog_post',
  infographic: 'infographic',
  image: 'image',
  video: 'video',
  social_post: 'social_network',
};

/**
 * The key of the lead source a content item stands for, when none is chosen:
 * `contentSourceKey('social_post', 'facebook')` → `'social_network'`,
 * `contentSourceKey('video', 'linkedin')` → `'linkedin'`.
 */
export function contentSourceKey(kind: ContentKind, channel: string): string {
  return CHANNEL_SOURCE_KEYS[channel] ?? KIND_SOURCE_KEYS[kind];
}

/**
 * The stored content URLs a visited page may be: the address as given without its fragment, and
 * without its query too (a visit carries `?utm_source=…`, the stored post does not), each with and
 * without a trailing slash. `[]` for anything not http(s).
 * `contentUrlCandidates('https://uab.lt/blog/a/?utm_source=li#top')` →
 * `['https://uab.lt/blog/a/?utm_source=li', 'https://uab.lt/blog/a?utm_source=li', 'https://uab.lt/blog/a/', 'https://uab.lt/blog/a']`.
 */
export function contentUrlCandidates(value: string): string[] {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    // why: a beacon's URL is visitor input; one that does not parse simply matches no content.
    return [];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [];
  url.hash = '';
  const withQuery = url.href;
  url.search = '';
  const out = new Set<string>();
  for (const href of [withQuery, url.href]) {
    out.add(href);
    const [path, query] = splitQuery(href);
    const other = path.endsWith('/') ? path.replace(/\/+$/, '') : `${path}/`;
    // why: the root keeps its slash (`https://uab.lt` and `https://uab.lt/` are one page anyway).
    if (other.split('/').length > 3) out.add(query === null ? other : `${other}?${query}`);
  }
  return [...out];
}

function splitQuery(href: string): [string, string | null] {
  const at = href.indexOf('?');
  return at < 0 ? [href, null] : [href.slice(0, at), href.slice(at + 1)];
}

export type EngagementCounts = Partial<Record<EngagementKind, number>>;

/**
 * What a visitor did before they were known, in one line for the timeline:
 * `attachedSummary({ view: 3, click: 1 }, 2)` → `'viewed or clicked 2 content items before (3 views, 1 click)'`.
 */
export function attachedSummary(counts: EngagementCounts, contentItems: number): string {
  const parts = ENGAGEMENT_KINDS.flatMap((kind) => {
    const n = counts[kind] ?? 0;
    return n > 0 ? [`${n} ${n === 1 ? kind : `${kind}s`}`] : [];
  });
  const verbs = ENGAGEMENT_KINDS.filter((kind) => (counts[kind] ?? 0) > 0).map((kind) => PAST[kind]);
  const what = `${contentItems} content item${contentItems === 1 ? '' : 's'}`;
  const verb = verbs.length > 1 ? `${verbs.slice(0, -1).join(', ')} or ${verbs.at(-1)}` : (verbs[0] ?? 'saw');
  return `${verb} ${what} before (${parts.join(', ')})`;
}

const PAST: Record<EngagementKind, string> = {
  view: 'viewed',
  click: 'clicked',
  like: 'liked',
  reaction: 'reacted to',
  share: 'shared',
  comment: 'commented on',
};
