import { useEmulatorClient } from '../../test/emulator-client';

describe('aggregate', () => {
  const mongo = useEmulatorClient('agg');

  beforeAll(async () => {
    await mongo.db.collection('orders').insertMany([
      { _id: 1 as never, user: 'u1', total: 5, items: ['a', 'b'] },
      { _id: 2 as never, user: 'u1', total: 7, items: ['a'] },
      { _id: 3 as never, user: 'u2', total: 1, items: [] },
    ]);
    await mongo.db.collection('users').insertMany([
      { _id: 'u1' as never, name: 'Ann' },
      { _id: 'u2' as never, name: 'Bob' },
    ]);
  });

  it('groups, sorts and counts', async () => {
    const totals = await mongo.db
      .collection('orders')
      .aggregate([{ $group: { _id: '$user', sum: { $sum: '$total' } } }, { $sort: { sum: -1 } }])
      .toArray();
    expect(totals).toEqual([
      { _id: 'u1', sum: 12 },
      { _id: 'u2', sum: 1 },
    ]);
    expect(
      await mongo.db
        .collection('orders')
        .aggregate([{ $unwind: '$items' }, { $count: 'n' }])
        .toArray(),
    ).toEqual([{ n: 3 }]);
  });

  it('joins collections with both $lookup forms and uses let variables', async () => {
    const joined = await mongo.db
      .collection('users')
      .aggregate([
        { $lookup: { from: 'orders', localField: '_id', foreignField: 'user', as: 'orders' } },
        { $project: { n: { $size: '$orders' } } },
      ])
      .toArray();
    expect(joined).toEqual([
      { _id: 'u1', n: 2 },
      { _id: 'u2', n: 1 },
    ]);
    const piped = await mongo.db
      .collection('users')
      .aggregate(
        [
          {
            $lookup: {
              from: 'orders',
              let: { id: '$_id' },
              pipeline: [
                {
                  $match: {
                    $expr: { $and: [{ $eq: ['$user', '$$id'] }, { $gte: ['$total', '$$min'] }] },
                  },
                },
              ],
              as: 'big',
            },
          },
          { $project: { count: { $size: '$big' } } },
        ],
        { let: { min: 6 } },
      )
      .toArray();
    expect(piped).toEqual([
      { _id: 'u1', count: 1 },
      { _id: 'u2', count: 0 },
    ]);
  });

  it('never changes the joined collection when later stages change the joined documents', async () => {
    await mongo.db
      .collection('users')
      .aggregate([
        { $lookup: { from: 'orders', localField: '_id', foreignField: 'user', as: 'orders' } },
        { $addFields: { 'orders.0.seen': true } },
      ])
      .toArray();

    expect(await mongo.db.collection('orders').countDocuments({ seen: { $exists: true } })).toBe(0);
  });

  it('runs $facet, $replaceRoot and $sortByCount', async () => {
    const [facets] = await mongo.db
      .collection('orders')
      .aggregate([
        {
          $facet: {
            byUser: [{ $sortByCount: '$user' }],
            top: [
              { $sort: { total: -1 } },
              { $limit: 1 },
              { $replaceRoot: { newRoot: { best: '$total' } } },
            ],
          },
        },
      ])
      .toArray();
    expect(facets).toEqual({
      byUser: [
        { _id: 'u1', count: 2 },
        { _id: 'u2', count: 1 },
      ],
      top: [{ best: 7 }],
    });
  });

  it('writes results with $out and $merge', async () => {
    await mongo.db
      .collection('orders')
      .aggregate([{ $match: { user: 'u1' } }, { $project: { total: 1 } }, { $out: 'u1orders' }])
      .toArray();
    expect(await mongo.db.collection('u1orders').find().toArray()).toEqual([
      { _id: 1, total: 5 },
      { _id: 2, total: 7 },
    ]);
    await mongo.db.collection('summary').insertOne({ _id: 'u1' as never, note: 'kept' });
    await mongo.db
      .collection('orders')
      .aggregate([
        { $group: { _id: '$user', total: { $sum: '$total' } } },
        { $merge: { into: 'summary', whenMatched: 'merge', whenNotMatched: 'insert' } },
      ])
      .toArray();
    expect(await mongo.db.collection('summary').find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 'u1', note: 'kept', total: 12 },
      { _id: 'u2', total: 1 },
    ]);
  });

  it('pages large results through getMore', async () => {
    const many = mongo.db.collection('many');
    await many.insertMany(Array.from({ length: 250 }, (_, i) => ({ i })));
    expect(
      await many.aggregate([{ $match: { i: { $gte: 0 } } }], { batchSize: 10 }).toArray(),
    ).toHaveLength(250);
  });

  it('rejects an unknown stage', async () => {
    await expect(
      mongo.db
        .collection('orders')
        .aggregate([{ $bogus: {} }])
        .toArray(),
    ).rejects.toMatchObject({ code: 40324 });
  });
});
