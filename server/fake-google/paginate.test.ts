import { describe, expect, it } from 'vitest';
import { GoogleApiError } from './google-api-error.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, paginate } from './paginate.ts';

const items = Array.from({ length: 2500 }, (_, i) => i);

describe('paginate', () => {
  it.each([
    [0, DEFAULT_PAGE_SIZE],
    [7, 7],
    [5000, MAX_PAGE_SIZE],
  ])('returns a page of the right size when the page size is %d', (pageSize, expected) => {
    expect(paginate(items, { pageSize, pageToken: '', queryKey: 'q' }).items).toHaveLength(expected);
  });

  it('walks every item once when following the tokens', () => {
    const seen: number[] = [];
    let pageToken = '';
    do {
      const page = paginate(items, { pageSize: 999, pageToken, queryKey: 'q' });
      seen.push(...page.items);
      pageToken = page.nextPageToken;
    } while (pageToken);
    expect(seen).toEqual(items);
  });

  it.each([
    ['garbage', 'not base64 JSON'],
    [Buffer.from('{"q":"other","o":1}').toString('base64url'), 'from another request'],
    [Buffer.from('{"q":"q","o":-1}').toString('base64url'), 'with a negative offset'],
  ])('answers INVALID_ARGUMENT when the token is %s (%s)', (pageToken) => {
    expect(() => paginate(items, { pageSize: 1, pageToken, queryKey: 'q' })).toThrow(GoogleApiError);
  });
});
