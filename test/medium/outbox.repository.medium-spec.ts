import { NotificationsModule } from '../../apps/api/src/notifications/notifications.module';
import { OutboxModule } from '../../apps/api/src/outbox/outbox.module';
import { OutboxRepository } from '../../apps/api/src/outbox/outbox.repository';
import { overlapping, useMediumContext } from './support/medium-context';

const mail = (n: number) => ({ to: 'a@example.test', subject: `Message ${n}`, text: 'Hello' });

describe(`${OutboxRepository.name} (medium)`, () => {
  const context = useMediumContext([NotificationsModule, OutboxModule]);
  let outbox: OutboxRepository;

  beforeAll(() => {
    outbox = context.get(OutboxRepository);
  });

  beforeEach(async () => {
    await context.connection.collection('outbox_messages').deleteMany({});
  });

  it('hands every due message to exactly one of several concurrent claimers', async () => {
    const now = new Date();
    for (let n = 0; n < 10; n++) await outbox.add('test', mail(n), now);
    const { results, peak } = await overlapping(20, () =>
      outbox.claimNext(new Date(now.getTime() + 1), new Date(now.getTime() + 60_000)),
    );
    expect(peak).toBe(20);
    const claimed = results
      .map((result) => (result.status === 'fulfilled' ? result.value : null))
      .filter((claim) => claim !== null);
    expect(new Set(claimed.map((claim) => claim!._id)).size).toBe(10);
    expect(claimed).toHaveLength(10);
  });

  it('returns the claimed message itself, with its new attempt count, so its holder can settle it', async () => {
    const now = new Date();
    for (let n = 0; n < 5; n++)
      await outbox.add('test', mail(n), new Date(now.getTime() - n * 1000));
    const later = new Date(now.getTime() + 1);
    for (let round = 0; round < 5; round++) {
      const claim = (await outbox.claimNext(later, new Date(later.getTime() + 60_000)))!;
      const stored = await context.connection
        .collection('outbox_messages')
        .findOne({ _id: claim._id as never });
      expect([claim.mail.subject, claim.attempts]).toEqual([
        stored!.mail.subject,
        stored!.attempts,
      ]);
      await outbox.markSent(claim, later);
      expect(
        await context.connection
          .collection('outbox_messages')
          .countDocuments({ _id: claim._id as never, status: 'sent' }),
      ).toBe(1);
    }
  });

  it('retries a message whose sender died once its lease ran out, and ignores the late sender', async () => {
    const now = new Date();
    await outbox.add('test', mail(1), now);
    const first = (await outbox.claimNext(now, new Date(now.getTime() + 1000)))!;
    expect(await outbox.claimNext(now, new Date(now.getTime() + 1000))).toBeNull();
    const afterLease = new Date(now.getTime() + 2000);
    const second = (await outbox.claimNext(afterLease, new Date(afterLease.getTime() + 1000)))!;
    expect([second._id, second.attempts]).toEqual([first._id, 2]);
    await outbox.markSent(first, afterLease);
    expect((await context.connection.collection('outbox_messages').findOne({}))!.status).toBe(
      'sending',
    );
    await outbox.markSent(second, afterLease);
    expect((await context.connection.collection('outbox_messages').findOne({}))!.status).toBe(
      'sent',
    );
  });
});
