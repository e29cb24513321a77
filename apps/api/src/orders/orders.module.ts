import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CartModule } from '../cart/cart.module';
import { CatalogModule } from '../catalog/catalog.module';
import { DiscountsModule } from '../discounts/discounts.module';
import { OutboxModule } from '../outbox/outbox.module';
import { UsersModule } from '../users/users.module';
import { OrderCreationService } from './order-creation.service';
import { OrderExpiryJob } from './order-expiry.job';
import { OrderLifecycleService } from './order-lifecycle.service';
import { OrderPaymentsService } from './order-payments.service';
import { OrderRepository } from './order.repository';
import { OrderReturnsService } from './order-returns.service';
import { OrderService } from './order.service';
import { OrdersController } from './orders.controller';
import { Order, OrderSchema } from './schemas/order.schema';

/** Orders from the cart, their state machine, expiry of unpaid ones and the admins' mail. */
@Module({
  imports: [
    CartModule,
    CatalogModule,
    DiscountsModule,
    OutboxModule,
    UsersModule,
    MongooseModule.forFeature([{ name: Order.name, schema: OrderSchema }]),
  ],
  controllers: [OrdersController],
  providers: [
    OrderRepository,
    OrderCreationService,
    OrderLifecycleService,
    OrderService,
    OrderPaymentsService,
    OrderReturnsService,
    OrderExpiryJob,
  ],
  exports: [OrderService, OrderLifecycleService, OrderPaymentsService, OrderReturnsService],
})
export class OrdersModule {}
