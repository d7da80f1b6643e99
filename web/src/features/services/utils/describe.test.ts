import { describe, expect, it } from 'vitest';
import { splitMember } from './describe.ts';

describe('splitMember', () => {
  it.each([
    [
      'serviceAccount:web@shop.iam.gserviceaccount.com',
      { type: 'serviceAccount', id: 'web@shop.iam.gserviceaccount.com' },
    ],
    ['user:ana@example.com', { type: 'user', id: 'ana@example.com' }],
    ['allUsers', { type: '', id: 'allUsers' }],
    [
      'deleted:serviceAccount:old@x.iam.gserviceaccount.com?uid=1',
      { type: 'deleted', id: 'serviceAccount:old@x.iam.gserviceaccount.com?uid=1' },
    ],
  ])('splits %s', (member, expected) => {
    expect(splitMember(member)).toEqual(expected);
  });
});
