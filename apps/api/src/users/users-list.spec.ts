import { parseListQuery } from '@kassa/common';
import { normaliseUserListQuery, USER_LIST_SPEC } from './users-list';

describe(normaliseUserListQuery.name, () => {
  it('lowercases username and email filter values, whatever the operator', () => {
    const raw = { filter: { username: 'Ada', email: { in: 'A@X.io,B@Y.io' }, role: 'admin' } };
    expect(normaliseUserListQuery(raw)).toEqual({
      filter: { username: 'ada', email: { in: 'a@x.io,b@y.io' }, role: 'admin' },
    });
  });

  it('leaves other parameters alone', () => {
    const raw = { search: 'Ada', sort: '-createdAt', filter: 'odd' };
    expect(normaliseUserListQuery(raw)).toBe(raw);
  });

  it('yields a query on the lowercase copies', () => {
    const query = parseListQuery(
      normaliseUserListQuery({ filter: { username: 'Ada' }, sort: 'email' }),
      USER_LIST_SPEC,
    );
    expect(query.filter).toEqual({ usernameLower: { $eq: 'ada' } });
    expect(query.sort).toEqual({ emailLower: 1, _id: 1 });
  });
});
