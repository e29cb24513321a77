import {
  accountKey,
  accountOfKey,
  CARD_NETWORK_ACCOUNT,
  SHOP_ACCOUNT,
  walletOf,
} from './ledger-account';
import { assertBalanced, NewLedgerEntry, samePostings, transferEntry } from './ledger-entry';

const ALICE = walletOf('8d6c2a2e-0b1f-4c5e-9a7d-3e2f1a0b9c8d');
const BOB = walletOf('1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9');

function entry(postings: NewLedgerEntry['postings']): NewLedgerEntry {
  return { kind: 'card_payment', reference: 'order-1', postings };
}

describe('ledger accounts', () => {
  it('names every account by a key and reads it back', () => {
    for (const account of [ALICE, SHOP_ACCOUNT, CARD_NETWORK_ACCOUNT]) {
      expect(accountOfKey(accountKey(account))).toEqual(account);
    }
    expect(accountKey(ALICE)).toBe('wallet:8d6c2a2e-0b1f-4c5e-9a7d-3e2f1a0b9c8d');
    expect(() => accountOfKey('bank')).toThrow('Unknown ledger account key bank');
  });
});

describe(assertBalanced.name, () => {
  it('accepts postings that sum to zero, in the sign convention of every kind', () => {
    expect(() =>
      assertBalanced(
        entry([
          { account: CARD_NETWORK_ACCOUNT, amountCents: -1299 },
          { account: SHOP_ACCOUNT, amountCents: 1299 },
        ]),
      ),
    ).not.toThrow();
    expect(() =>
      assertBalanced(
        entry([
          { account: ALICE, amountCents: -500 },
          { account: BOB, amountCents: 300 },
          { account: SHOP_ACCOUNT, amountCents: 200 },
        ]),
      ),
    ).not.toThrow();
  });

  it.each([
    ['an unbalanced entry', [-100, 99], 'is unbalanced: its postings sum to -1 cents'],
    ['a lone posting', [0], 'needs at least two postings'],
    ['a zero amount', [0, 0], 'non-zero whole cents'],
    ['fractions of a cent', [-0.5, 0.5], 'non-zero whole cents'],
    ['an unsafe integer', [-(2 ** 53), 2 ** 53], 'non-zero whole cents'],
  ])('refuses %s', (_label, amounts, message) => {
    const accounts = [CARD_NETWORK_ACCOUNT, SHOP_ACCOUNT];
    const postings = amounts.map((amountCents, index) => ({
      account: accounts[index],
      amountCents,
    }));
    expect(() => assertBalanced(entry(postings))).toThrow(message);
  });

  it('refuses two postings on one account, an empty reference and an unknown kind', () => {
    const twice = [
      { account: ALICE, amountCents: -100 },
      { account: walletOf(ALICE.userId), amountCents: 100 },
    ];
    expect(() => assertBalanced(entry(twice))).toThrow('posts twice to one account');
    const fine = [
      { account: ALICE, amountCents: -100 },
      { account: BOB, amountCents: 100 },
    ];
    expect(() => assertBalanced({ ...entry(fine), reference: '' })).toThrow('reference');
    expect(() => assertBalanced({ ...entry(fine), kind: 'gift' as never })).toThrow('unknown kind');
  });
});

describe(transferEntry.name, () => {
  it('takes the amount from the payer and gives it to the payee', () => {
    expect(
      transferEntry({
        from: ALICE,
        to: BOB,
        amountCents: 1250,
        kind: 'transfer',
        reference: 'payment:1',
        memo: 'Lunch',
      }),
    ).toEqual({
      kind: 'transfer',
      reference: 'payment:1',
      memo: 'Lunch',
      postings: [
        { account: ALICE, amountCents: -1250 },
        { account: BOB, amountCents: 1250 },
      ],
    });
  });

  it.each([0, -5, 1.5])('refuses an amount of %p', (amountCents) => {
    expect(() =>
      transferEntry({
        from: ALICE,
        to: BOB,
        amountCents,
        kind: 'transfer',
        reference: 'payment:1',
      }),
    ).toThrow('positive whole cents');
  });
});

describe(samePostings.name, () => {
  it('compares postings regardless of their order', () => {
    const one = [
      { accountKey: 'shop', amountCents: 100 },
      { accountKey: 'card_network', amountCents: -100 },
    ];
    expect(samePostings(one, [...one].reverse())).toBe(true);
    expect(samePostings(one, [{ ...one[0], amountCents: 101 }, one[1]])).toBe(false);
  });
});
