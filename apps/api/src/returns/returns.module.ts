import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OrdersModule } from '../orders/orders.module';
import { OutboxModule } from '../outbox/outbox.module';
import { PaymentsModule } from '../payments/payments.module';
import { UsersModule } from '../users/users.module';
import { ReturnDecisionService } from './return-decision.service';
import { ReturnNotices } from './return-notices';
import { ReturnRefundJob } from './return-refund.job';
import { ReturnRepository } from './return.repository';
import { ReturnService } from './return.service';
import { ReturnsController } from './returns.controller';
import { ReturnRequest, ReturnRequestSchema } from './schemas/return-request.schema';

/** Returns of paid orders: requests, admins' decisions and refunds to the card. */
@Module({
  imports: [
    OrdersModule,
    PaymentsModule,
    OutboxModule,
    UsersModule,
    MongooseModule.forFeature([{ name: ReturnRequest.name, schema: ReturnRequestSchema }]),
  ],
  controllers: [ReturnsController],
  providers: [
    ReturnRepository,
    ReturnService,
    ReturnDecisionService,
    ReturnNotices,
    ReturnRefundJob,
  ],
})
export class ReturnsModule {}
