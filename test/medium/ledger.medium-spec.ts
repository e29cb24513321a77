import { randomUUID } from 'node:crypto';
import { InsufficientFundsError } from '@kassa/common';
import {
  CARD_NETWORK_ACCOUNT,
  LedgerAccount,
  SHOP_ACCOUNT,
  walletOf,
} from '../../apps/api/src/ledger/ledger-account';
import { LedgerCheckService } from '../../apps/api/src/ledger/ledger-check.service';
import { LedgerModule } from '../../apps/api/src/ledger/ledger.module';
import { LedgerService } from '../../apps/api/src/ledger/ledger.service';
import { overlapping, useMediumContext } from './support/medium-context';

/** Deterministic pseudo-random integers (mulberry32), so a failing sequence can be replayed. */
function seeded(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

describe('the ledger (medium)', () => {
  const context = useMediumContext([LedgerModule]);
  let ledger: LedgerService;
  let ledgerCheck: LedgerCheckService;

  beforeAll(() => {
    ledger = context.get(LedgerService);
    ledgerCheck = context.get(LedgerCheckService);
  });

  const topUp = (account: LedgerAccount, amountCents: number, reference: string = randomUUID()) =>
    ledger.record({
      kind: 'wallet_top_up',
      reference,
      postings: [
        { account: CARD_NETWORK_ACCOUNT, amountCents: -amountCents },
        { account, amountCents },
      ],
    });

  /** Every account's balance summed from the raw postings, and the cached balances, as stored. */
  async function recomputedAndCached() {
    const postings = await context.connection.collection('ledger_postings').find().toArray();
    const recomputed = new Map<string, number>();
    for (const posting of postings) {
      recomputed.set(
        posting.accountKey,
        (recomputed.get(posting.accountKey) ?? 0) + posting.amountCents,
      );
    }
    const cached = new Map<string, number>(
      (await context.connection.collection('ledger_balances').find().toArray()).map((row) => [
        String(row._id),
        row.balanceCents as number,
      ]),
    );
    return { recomputed, cached };
  }

  it('records a balanced entry once per kind and reference, even when asked ten times at once', async () => {
    const wallet = walletOf(randomUUID());
    const reference = `top-up-${randomUUID()}`;
    const { results, peak } = await overlapping(10, () => topUp(wallet, 2500, reference));
    expect(peak).toBe(10);
    expect(results.every((result) => result.status === 'fulfilled')).toBe(true);
    const ids = new Set(
      results.map((result) => (result.status === 'fulfilled' ? result.value._id : null)),
    );
    expect(ids.size).toBe(1);
    expect(await ledger.balanceOf(wallet)).toBe(2500);
    expect(
      await context.connection
        .collection('ledger_entries')
        .countDocuments({ kind: 'wallet_top_up', reference }),
    ).toBe(1);
    const again = await topUp(wallet, 2500, reference);
    expect(again.postings.map((posting) => posting.amountCents).sort()).toEqual([-2500, 2500]);
    expect(await ledger.balanceOf(wallet)).toBe(2500);
  });

  it('refuses an unbalanced or malformed entry as a programming fault, writing nothing', async () => {
    const before = await context.connection.collection('ledger_entries').countDocuments();
    const wallet = walletOf(randomUUID());
    const bad = [
      [
        { account: CARD_NETWORK_ACCOUNT, amountCents: -100 },
        { account: wallet, amountCents: 99 },
      ],
      [{ account: wallet, amountCents: 0 }],
      [
        { account: wallet, amountCents: 1.5 },
        { account: SHOP_ACCOUNT, amountCents: -1.5 },
      ],
      [
        { account: wallet, amountCents: 100 },
        { account: wallet, amountCents: -100 },
      ],
    ];
    for (const postings of bad) {
      await expect(
        ledger.record({ kind: 'transfer', reference: randomUUID(), postings }),
      ).rejects.toThrow(Error);
    }
    await expect(topUp(wallet, 100, '')).rejects.toThrow('a reference is required');
    expect(await context.connection.collection('ledger_entries').countDocuments()).toBe(before);
  });

  it('refuses the same reference with other postings', async () => {
    const wallet = walletOf(randomUUID());
    const reference = randomUUID();
    await topUp(wallet, 1000, reference);
    await expect(topUp(wallet, 2000, reference)).rejects.toThrow('recorded before with other');
    expect(await ledger.balanceOf(wallet)).toBe(1000);
  });

  it('refuses a transfer the payer cannot cover, moving nothing, and lets the shop go negative', async () => {
    const payer = walletOf(randomUUID());
    const payee = walletOf(randomUUID());
    await topUp(payer, 1000);
    const reference = randomUUID();
    await expect(
      ledger.transfer({ from: payer, to: payee, amountCents: 1001, kind: 'transfer', reference }),
    ).rejects.toThrow(InsufficientFundsError);
    expect([await ledger.balanceOf(payer), await ledger.balanceOf(payee)]).toEqual([1000, 0]);
    expect(
      await context.connection.collection('ledger_entries').countDocuments({ reference }),
    ).toBe(0);
    await ledger.transfer({
      from: payer,
      to: payee,
      amountCents: 1000,
      kind: 'transfer',
      reference,
    });
    expect([await ledger.balanceOf(payer), await ledger.balanceOf(payee)]).toEqual([0, 1000]);

    const shopBefore = await ledger.balanceOf(SHOP_ACCOUNT);
    await ledger.record({
      kind: 'refund',
      reference: randomUUID(),
      postings: [
        { account: SHOP_ACCOUNT, amountCents: -(shopBefore + 500) },
        { account: CARD_NETWORK_ACCOUNT, amountCents: shopBefore + 500 },
      ],
    });
    expect(await ledger.balanceOf(SHOP_ACCOUNT)).toBe(-500);
  });

  it('never overdraws a wallet under 20 concurrent transfers: funds for 5, exactly 5 pass', async () => {
    const payer = walletOf(randomUUID());
    await topUp(payer, 5 * 700);
    const { results, peak } = await overlapping(20, () =>
      ledger.transfer({
        from: payer,
        to: walletOf(randomUUID()),
        amountCents: 700,
        kind: 'transfer',
        reference: randomUUID(),
      }),
    );
    expect(peak).toBe(20);
    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    const refused = results.filter(
      (result) => result.status === 'rejected' && result.reason instanceof InsufficientFundsError,
    );
    expect([fulfilled.length, refused.length]).toEqual([5, 15]);
    expect(await ledger.balanceOf(payer)).toBe(0);
    const statement = await context.connection
      .collection('ledger_postings')
      .find({ accountKey: `wallet:${payer.userId}` })
      .sort({ sequence: 1 })
      .toArray();
    expect(statement.map((posting) => posting.balanceAfterCents)).toEqual([
      3500, 2800, 2100, 1400, 700, 0,
    ]);
    expect(statement.map((posting) => posting.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps the invariant through random concurrent top-ups, transfers, payments and refunds', async () => {
    const random = seeded(20261201);
    const wallets = Array.from({ length: 6 }, () => walletOf(randomUUID()));
    const operation = (index: number) => {
      const amountCents = 1 + random(5000);
      const reference = `random-${index}-${randomUUID()}`;
      switch (random(4)) {
        case 0:
          return topUp(wallets[random(wallets.length)], amountCents, reference);
        case 1: {
          const from = random(wallets.length);
          const to = (from + 1 + random(wallets.length - 1)) % wallets.length;
          return ledger.transfer({
            from: wallets[from],
            to: wallets[to],
            amountCents,
            kind: 'transfer',
            reference,
          });
        }
        case 2:
          return ledger.record({
            kind: 'card_payment',
            reference,
            postings: [
              { account: CARD_NETWORK_ACCOUNT, amountCents: -amountCents },
              { account: SHOP_ACCOUNT, amountCents },
            ],
          });
        default:
          return ledger.record({
            kind: 'refund',
            reference,
            postings: [
              { account: SHOP_ACCOUNT, amountCents: -amountCents },
              { account: CARD_NETWORK_ACCOUNT, amountCents },
            ],
          });
      }
    };
    let transfersRefused = 0;
    for (let round = 0; round < 5; round++) {
      const { results, peak } = await overlapping(20, (index) => operation(round * 20 + index));
      expect(peak).toBe(20);
      for (const result of results) {
        if (result.status === 'rejected') {
          expect(result.reason).toBeInstanceOf(InsufficientFundsError);
          transfersRefused++;
        }
      }
      const check = await ledgerCheck.check();
      expect(check).toMatchObject({
        balanced: true,
        sumOfBalancesCents: 0,
        unbalancedEntries: [],
        cachedBalanceMismatches: [],
      });
      for (const wallet of wallets)
        expect(await ledger.balanceOf(wallet)).toBeGreaterThanOrEqual(0);
    }
    expect(transfersRefused).toBeGreaterThan(0);
  });

  it('keeps every cached balance equal to the sum of its postings, recomputed here', async () => {
    const { recomputed, cached } = await recomputedAndCached();
    expect(recomputed.size).toBeGreaterThan(10);
    expect(cached).toEqual(recomputed);
    expect([...recomputed.values()].reduce((sum, cents) => sum + cents, 0)).toBe(0);
  });

  it('names a cached balance that drifted from its postings, and an entry that does not balance', async () => {
    const wallet = walletOf(randomUUID());
    const entry = await topUp(wallet, 300);
    const balances = context.connection.collection('ledger_balances');
    const postings = context.connection.collection('ledger_postings');
    const walletKey = `wallet:${wallet.userId}`;
    await balances.updateOne({ _id: walletKey as never }, { $inc: { balanceCents: 1 } });
    const stray = await postings.findOne({ entryId: entry._id, accountKey: walletKey });
    await postings.deleteOne({ _id: stray!._id });
    try {
      const check = await ledgerCheck.check();
      expect(check.balanced).toBe(false);
      expect(check.unbalancedEntries).toEqual([entry._id]);
      expect(check.sumOfBalancesCents).toBe(-300);
      expect(check.cachedBalanceMismatches).toEqual(
        expect.arrayContaining([{ accountKey: walletKey, cachedCents: 301, recomputedCents: 0 }]),
      );
    } finally {
      await postings.insertOne(stray!);
      await balances.updateOne({ _id: walletKey as never }, { $inc: { balanceCents: -1 } });
    }
    expect((await ledgerCheck.check()).balanced).toBe(true);
  });

  it('keeps the journal append-only: its models refuse updates and deletes', async () => {
    const entry = await topUp(walletOf(randomUUID()), 100);
    const entries = context.connection.model('LedgerEntry');
    const postings = context.connection.model('LedgerPostingLine');
    await expect(entries.updateOne({ _id: entry._id }, { $set: { memo: 'x' } })).rejects.toThrow(
      'append-only',
    );
    await expect(entries.deleteOne({ _id: entry._id })).rejects.toThrow('append-only');
    await expect(postings.deleteMany({ entryId: entry._id })).rejects.toThrow('append-only');
    await expect(
      postings.findOneAndUpdate({ entryId: entry._id }, { $inc: { amountCents: 1 } }),
    ).rejects.toThrow('append-only');
    expect(
      await context.connection.collection('ledger_postings').countDocuments({ entryId: entry._id }),
    ).toBe(2);
  });
});
