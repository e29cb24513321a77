import { BSON, type Collection } from 'mongodb';
import { useEmulatorClient } from './emulator-client';

const MAX = 16 * 1024 * 1024;

interface Blob {
  _id: number;
  data?: string;
  more?: string;
}

/** A document whose BSON size is exactly `size` bytes. */
function blobOfSize(_id: number, size: number): Blob {
  const overhead = BSON.calculateObjectSize({ _id, data: '' });
  return { _id, data: 'x'.repeat(size - overhead) };
}

describe('the 16 MiB document limit', () => {
  const mongo = useEmulatorClient('document-size');
  const blobs = (): Collection<Blob> => mongo.db.collection<Blob>('blobs');

  beforeEach(async () => {
    await blobs().deleteMany({});
    await blobs().insertOne({ _id: 1, data: 'small' });
  });

  it('stores a document of exactly 16 MiB', async () => {
    await blobs().insertOne(blobOfSize(2, MAX));
    expect(await blobs().countDocuments({ _id: 2 })).toBe(1);
  });

  it('refuses to insert a document a byte over the limit', async () => {
    await expect(blobs().insertOne(blobOfSize(2, MAX + 1))).rejects.toMatchObject({
      code: 2,
      message: `object to insert too large. size in bytes: ${MAX + 1}, max size: ${MAX}`,
    });
    expect(await blobs().countDocuments({ _id: 2 })).toBe(0);
  });

  it('refuses a command too large to parse with BSONObjectTooLarge', async () => {
    await expect(blobs().insertOne(blobOfSize(2, MAX + 64 * 1024))).rejects.toMatchObject({
      code: 10334,
      codeName: 'BSONObjectTooLarge',
    });
    expect(await blobs().countDocuments({ _id: 2 })).toBe(0);
  });

  it('refuses an update whose result is too large and leaves the document as it was', async () => {
    await expect(
      blobs().updateOne({ _id: 1 }, { $set: { more: 'y'.repeat(MAX) } }),
    ).rejects.toMatchObject({
      code: 10334,
      message: `Resulting document after update is larger than ${MAX}`,
    });
    await expect(
      blobs().findOneAndUpdate({ _id: 1 }, { $set: { more: 'y'.repeat(MAX) } }),
    ).rejects.toMatchObject({ code: 10334 });
    expect(await blobs().findOne({ _id: 1 })).toEqual({ _id: 1, data: 'small' });
  });

  it('refuses a replacement that is too large', async () => {
    await expect(blobs().replaceOne({ _id: 1 }, blobOfSize(1, MAX + 1))).rejects.toMatchObject({
      code: 10334,
    });
    expect(await blobs().findOne({ _id: 1 })).toEqual({ _id: 1, data: 'small' });
  });

  it('refuses an upsert that would insert a document too large', async () => {
    await expect(
      blobs().updateOne({ _id: 3 }, { $set: { more: 'z'.repeat(MAX) } }, { upsert: true }),
    ).rejects.toMatchObject({
      code: 10334,
      message: `Document to upsert is larger than ${MAX}`,
    });
    expect(await blobs().countDocuments({ _id: 3 })).toBe(0);
  });
});
