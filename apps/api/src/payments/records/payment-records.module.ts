import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { LedgerModule } from '../../ledger/ledger.module';
import { OutboxModule } from '../../outbox/outbox.module';
import { UsersModule } from '../../users/users.module';
import { PaymentLifecycleService } from './payment-lifecycle.service';
import { PaymentRepository } from './payment.repository';
import { PaymentService } from './payment.service';
import { PaymentsController } from './payments.controller';
import { PaymentRecord, PaymentRecordSchema } from './schemas/payment-record.schema';

/** Payments between users (`/payments`), settled through the ledger, receipts by the outbox. */
@Module({
  imports: [
    LedgerModule,
    OutboxModule,
    UsersModule,
    MongooseModule.forFeature([{ name: PaymentRecord.name, schema: PaymentRecordSchema }]),
  ],
  controllers: [PaymentsController],
  providers: [PaymentRepository, PaymentService, PaymentLifecycleService],
  exports: [PaymentService],
})
export class PaymentRecordsModule {}
