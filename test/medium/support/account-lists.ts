import { randomUUID } from 'node:crypto';
import { Connection } from 'mongoose';
import { Role, ROLES } from '../../../apps/api/src/access/role';
import { walletOf } from '../../../apps/api/src/ledger/ledger-account';
import { LEDGER_ENTRY_KINDS } from '../../../apps/api/src/ledger/ledger-entry';
import { LEDGER_POSTING_LIST_SPEC } from '../../../apps/api/src/ledger/ledger-list';
import { LedgerService } from '../../../apps/api/src/ledger/ledger.service';
import {
  ADMIN_PAYMENT_LIST_SPEC,
  PAYMENT_LIST_SPEC,
} from '../../../apps/api/src/payments/records/payment-list';
import { PAYMENT_STATUSES } from '../../../apps/api/src/payments/records/payment-status';
import { PaymentService } from '../../../apps/api/src/payments/records/payment.service';
import { USER_STATUSES } from '../../../apps/api/src/users/user-status';
import { USER_LIST_SPEC } from '../../../apps/api/src/users/users-list';
import { UsersService } from '../../../apps/api/src/users/users.service';
import { callerOf, ListGroup } from './list-cases';
import { ownerOf, owners, seedMany, seedValue as v } from './list-seed';
import { MediumContext } from './medium-context';

/** Accounts (admin), a wallet's statement, payment records (own and all). */
export function accountLists(context: MediumContext): ListGroup {
  const accounts = owners(8);
  const parties = owners(8);
  return {
    seed: () => seedAccounts(context.connection, accounts, parties),
    lists: [
      {
        name: 'users (admin)',
        spec: USER_LIST_SPEC,
        collection: 'users',
        serve: (query) => context.get(UsersService).list(query),
      },
      {
        name: 'wallet statement',
        spec: LEDGER_POSTING_LIST_SPEC,
        collection: 'ledger_postings',
        serve: (query) => context.get(LedgerService).statement(walletOf(accounts[0]), query),
      },
      {
        name: 'payments (own, as payer or payee)',
        spec: PAYMENT_LIST_SPEC,
        collection: 'payments',
        serve: (query) =>
          context.get(PaymentService).list(callerOf(parties[0], Role.Customer), query),
      },
      {
        name: 'payments (admin)',
        spec: ADMIN_PAYMENT_LIST_SPEC,
        collection: 'payments',
        serve: (query) =>
          context.get(PaymentService).list(callerOf(randomUUID(), Role.Admin), query),
      },
    ],
  };
}

/** Seeds accounts, postings of the wallets of `accounts` and payments between `parties`. */
async function seedAccounts(connection: Connection, accounts: string[], parties: string[]) {
  await seedMany(connection, 'User', (i) => {
    const username = `Seeded_${String(i).padStart(3, '0')}`;
    const email = `${username}@example.test`;
    return {
      username,
      usernameLower: username.toLowerCase(),
      email,
      emailLower: email.toLowerCase(),
      passwordHash: 'not-a-real-hash',
      role: v.pick(ROLES, i),
      status: v.pick(USER_STATUSES, i),
      createdAt: v.at(i, 7),
      updatedAt: v.at(i, 11),
    };
  });
  const sequences = new Map<string, number>();
  await seedMany(connection, 'LedgerPostingLine', (i) => {
    const accountKey = `wallet:${ownerOf(accounts, i)}`;
    const sequence = (sequences.get(accountKey) ?? 0) + 1;
    sequences.set(accountKey, sequence);
    return {
      entryId: randomUUID(),
      accountKey,
      kind: v.pick(LEDGER_ENTRY_KINDS, i),
      reference: randomUUID(),
      amountCents: v.number(i, 20_000) - 10_000 || 1,
      sequence,
      balanceAfterCents: v.number(i, 100_000),
      createdAt: v.at(i, 7),
    };
  });
  await seedMany(connection, 'PaymentRecord', (i) => ({
    payerId: i % 3 === 0 ? parties[0] : parties[1 + (i % 7)],
    payeeId: i % 3 === 1 ? parties[0] : parties[1 + ((i + 3) % 7)],
    amountCents: 1 + v.number(i, 50_000),
    currency: 'USD',
    card: { last4: '4242', holder: 'Ada Lovelace' },
    status: v.pick(PAYMENT_STATUSES, i),
    createdAt: v.at(i, 7),
  }));
}
