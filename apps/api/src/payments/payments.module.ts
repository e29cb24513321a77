import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { LedgerModule } from '../ledger/ledger.module';
import { OrdersModule } from '../orders/orders.module';
import { OutboxModule } from '../outbox/outbox.module';
import { UsersModule } from '../users/users.module';
import { CardChargeRepository } from './charges/card-charge.repository';
import { CardChargeService } from './charges/card-charge.service';
import { ChargeSettlementService } from './charges/charge-settlement.service';
import { PaymentMetrics } from './charges/payment-metrics';
import { CardCharge, CardChargeSchema } from './charges/schemas/card-charge.schema';
import { paymentGatewayProvider } from './gateway/payment-gateway.provider';
import { OrderPaymentController } from './orders-payment/order-payment.controller';
import { OrderPaymentService } from './orders-payment/order-payment.service';
import { PaymentReconcilerJob } from './reconciler/payment-reconciler.job';
import { OrderRefundService } from './refunds/order-refund.service';
import { TopUpController } from './top-ups/top-up.controller';
import { TopUpService } from './top-ups/top-up.service';

/**
 * Card payments through the `PAYMENT_GATEWAY`: paying orders, wallet top-ups, refunds of orders,
 * the reconciler.
 */
@Module({
  imports: [
    LedgerModule,
    OrdersModule,
    OutboxModule,
    UsersModule,
    MongooseModule.forFeature([{ name: CardCharge.name, schema: CardChargeSchema }]),
  ],
  controllers: [OrderPaymentController, TopUpController],
  providers: [
    paymentGatewayProvider,
    CardChargeRepository,
    PaymentMetrics,
    ChargeSettlementService,
    CardChargeService,
    OrderPaymentService,
    TopUpService,
    PaymentReconcilerJob,
    OrderRefundService,
  ],
  exports: [paymentGatewayProvider, CardChargeService, ChargeSettlementService, OrderRefundService],
})
export class PaymentsModule {}
