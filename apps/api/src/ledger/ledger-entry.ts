import { accountKey, LedgerAccount, WalletAccount } from './ledger-account';

export const LEDGER_ENTRY_KINDS = ['card_payment', 'wallet_top_up', 'transfer', 'refund'] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

export interface LedgerPosting {
  account: LedgerAccount;
  /** Added to the account's balance: positive money in, negative money out. */
  amountCents: number;
}

/**
 * One journal entry as a caller records it. `(kind, reference)` identifies it: recording the same
 * pair again records nothing (e.g. `card_payment` of order `<orderId>`).
 */
export interface NewLedgerEntry {
  kind: LedgerEntryKind;
  reference: string;
  postings: LedgerPosting[];
  memo?: string;
}

/** A wallet-to-wallet movement, checked against the payer's balance. */
export interface LedgerTransfer {
  from: WalletAccount;
  to: WalletAccount;
  amountCents: number;
  kind: 'transfer';
  reference: string;
  memo?: string;
}

/**
 * Throws (a programming fault, not a client error) unless the entry is a proper journal entry:
 * a known kind, a reference, at least two postings of whole non-zero cents on distinct
 * accounts, summing to zero.
 */
export function assertBalanced(entry: NewLedgerEntry): void {
  const name = `Ledger entry ${entry.kind}/${entry.reference}`;
  if (!LEDGER_ENTRY_KINDS.includes(entry.kind)) throw new Error(`${name}: unknown kind`);
  if (typeof entry.reference !== 'string' || entry.reference.length === 0) {
    throw new Error(`${name}: a reference is required`);
  }
  if (entry.postings.length < 2) throw new Error(`${name}: needs at least two postings`);
  const accounts = new Set(entry.postings.map((posting) => accountKey(posting.account)));
  if (accounts.size !== entry.postings.length) {
    throw new Error(`${name}: posts twice to one account`);
  }
  let sum = 0;
  for (const { amountCents } of entry.postings) {
    if (!Number.isSafeInteger(amountCents) || amountCents === 0) {
      throw new Error(`${name}: amounts must be non-zero whole cents, got ${amountCents}`);
    }
    sum += amountCents;
  }
  if (sum !== 0) throw new Error(`${name} is unbalanced: its postings sum to ${sum} cents`);
}

/** The postings of a transfer: the payer's wallet pays, the payee's wallet receives. */
export function transferEntry(transfer: LedgerTransfer): NewLedgerEntry {
  if (!Number.isSafeInteger(transfer.amountCents) || transfer.amountCents <= 0) {
    throw new Error(`Transfer ${transfer.reference}: the amount must be positive whole cents`);
  }
  return {
    kind: transfer.kind,
    reference: transfer.reference,
    memo: transfer.memo,
    postings: [
      { account: transfer.from, amountCents: -transfer.amountCents },
      { account: transfer.to, amountCents: transfer.amountCents },
    ],
  };
}

/** Two posting lists are the same entry when they move the same amounts on the same accounts. */
export function samePostings(
  left: readonly { accountKey: string; amountCents: number }[],
  right: readonly { accountKey: string; amountCents: number }[],
): boolean {
  const canonical = (postings: typeof left) =>
    postings
      .map((posting) => `${posting.accountKey}=${posting.amountCents}`)
      .sort()
      .join(',');
  return canonical(left) === canonical(right);
}
