import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { LedgerBalanceRepository } from './ledger-balance.repository';
import { LedgerCheckService } from './ledger-check.service';
import { LedgerJournalRepository } from './ledger-journal.repository';
import { LedgerController } from './ledger.controller';
import { LedgerService } from './ledger.service';
import { LedgerBalance, LedgerBalanceSchema } from './schemas/ledger-balance.schema';
import { LedgerEntry, LedgerEntrySchema } from './schemas/ledger-entry.schema';
import { LedgerPostingLine, LedgerPostingLineSchema } from './schemas/ledger-posting.schema';
import { WalletController } from './wallet.controller';

/**
 * The double-entry ledger (wallets, the shop, the card network) behind every movement of money,
 * the caller's wallet balance and statement, and the admins' invariant check. Other features
 * record movements through {@link LedgerService}.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: LedgerEntry.name, schema: LedgerEntrySchema },
      { name: LedgerPostingLine.name, schema: LedgerPostingLineSchema },
      { name: LedgerBalance.name, schema: LedgerBalanceSchema },
    ]),
  ],
  controllers: [WalletController, LedgerController],
  providers: [LedgerJournalRepository, LedgerBalanceRepository, LedgerService, LedgerCheckService],
  exports: [LedgerService],
})
export class LedgerModule {}
