import { describe, expect, it } from 'vitest';
import { attachedSummary, type ContentKind, contentSourceKey, contentUrlCandidates } from './engagement.js';

describe('the source a content item stands for', () => {
  it.each<[ContentKind, string, string]>([
    ['blog_post', 'website', 'blog_post'],
    ['infographic', 'website', 'infographic'],
    ['image', 'instagram', 'image'],
    ['video', 'youtube', 'video'],
    ['video', 'linkedin', 'linkedin'],
    ['social_post', 'linkedin', 'linkedin'],
    ['social_post', 'facebook', 'social_network'],
    ['social_post', 'website', 'social_network'],
  ])('%s on %s → %s', (kind, channel, key) => {
    expect(contentSourceKey(kind, channel)).toBe(key);
  });
});

describe('the content URLs a visited page may be', () => {
  it.each([
    [
      'a post with campaign tags and a fragment',
      'https://UAB.lt/blog/a/?utm_source=li#top',
      [
        'https://uab.lt/blog/a/?utm_source=li',
        'https://uab.lt/blog/a?utm_source=li',
        'https://uab.lt/blog/a/',
        'https://uab.lt/blog/a',
      ],
    ],
    ['a plain page', 'https://uab.lt/blog/a', ['https://uab.lt/blog/a', 'https://uab.lt/blog/a/']],
    ['the root', 'https://uab.lt', ['https://uab.lt/']],
    ['not http(s)', 'javascript:alert(1)', []],
    ['not a URL', 'blog/a', []],
  ])('%s', (_name, url, candidates) => {
    expect(contentUrlCandidates(url)).toEqual(candidates);
  });
});

describe('the summary of earlier engagement', () => {
  it.each([
    [{ view: 3 }, 3, 'viewed 3 content items before (3 views)'],
    [{ view: 1 }, 1, 'viewed 1 content item before (1 view)'],
    [{ view: 3, click: 1 }, 2, 'viewed or clicked 2 content items before (3 views, 1 click)'],
    [
      { like: 1, share: 2, comment: 1 },
      1,
      'liked, shared or commented on 1 content item before (1 like, 2 shares, 1 comment)',
    ],
  ])('%j on %i items', (counts, items, text) => {
    expect(attachedSummary(counts, items)).toBe(text);
  });
});
