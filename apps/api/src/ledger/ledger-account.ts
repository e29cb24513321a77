/**
 * An account of the ledger: a user's wallet, the shop, or the card network (the world outside,
 * where card money comes from and refunds go back to). Its balance is the sum of its postings.
 */
export type LedgerAccount =
  { kind: 'wallet'; userId: string } | { kind: 'shop' } | { kind: 'card_network' };

export type WalletAccount = Extract<LedgerAccount, { kind: 'wallet' }>;

export const SHOP_ACCOUNT: LedgerAccount = { kind: 'shop' };
export const CARD_NETWORK_ACCOUNT: LedgerAccount = { kind: 'card_network' };

/**
 * The `TransactionRunner` turn of transactions that post to the shop or the card network: every
 * card payment and refund writes their balances, so this instance runs such transactions one at
 * a time rather than have them conflict and retry.
 */
export const SHARED_ACCOUNTS_TURN = 'ledger:shared-accounts';

export function walletOf(userId: string): WalletAccount {
  return { kind: 'wallet', userId };
}

const WALLET_PREFIX = 'wallet:';

/** How an account is stored and named: `wallet:<userId>`, `shop`, `card_network`. */
export function accountKey(account: LedgerAccount): string {
  return account.kind === 'wallet' ? `${WALLET_PREFIX}${account.userId}` : account.kind;
}

/** The account a stored key names. */
export function accountOfKey(key: string): LedgerAccount {
  if (key.startsWith(WALLET_PREFIX)) return walletOf(key.slice(WALLET_PREFIX.length));
  if (key === 'shop' || key === 'card_network') return { kind: key };
  throw new Error(`Unknown ledger account key ${key}`);
}

/** Only wallets must never go below zero; the shop and the card network may. */
export function isOverdraftChecked(account: LedgerAccount): boolean {
  return account.kind === 'wallet';
}
