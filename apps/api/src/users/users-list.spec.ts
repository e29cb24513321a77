import { parseListQuery } from '@kassa/common';
import { USER_LIST_SPEC } from './users-list';

describe('USER_LIST_SPEC', () => {
  it('filters username and email on their lowercase copies, whatever the operator', () => {
    const query = parseListQuery(
      { filter: { username: 'Ada', email: { in: 'A@X.io,B@Y.io' }, role: 'admin' } },
      USER_LIST_SPEC,
    );
    expect(query.filter).toEqual({
      usernameLower: { $eq: 'ada' },
      emailLower: { $in: ['a@x.io', 'b@y.io'] },
      role: { $eq: 'admin' },
    });
  });

  it('sorts on the unique lowercase copies with no tie-break, on other fields with _id', () => {
    expect(parseListQuery({ sort: '-email' }, USER_LIST_SPEC).sort).toEqual({ emailLower: -1 });
    expect(parseListQuery({ sort: 'role' }, USER_LIST_SPEC).sort).toEqual({ role: 1, _id: 1 });
  });

  it('leaves search text as typed (it is matched case-insensitively)', () => {
    const query = parseListQuery({ search: 'Ada' }, USER_LIST_SPEC);
    expect(JSON.stringify(query.filter)).toContain('Ada');
  });
});
