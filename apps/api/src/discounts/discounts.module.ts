import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ProductDiscountController } from './product-discounts/product-discount.controller';
import { ProductDiscountRepository } from './product-discounts/product-discount.repository';
import {
  ProductDiscount,
  ProductDiscountSchema,
} from './product-discounts/product-discount.schema';
import { ProductDiscountService } from './product-discounts/product-discount.service';
import { PromoCodeController } from './promo-codes/promo-code.controller';
import { PromoCodeRepository } from './promo-codes/promo-code.repository';
import {
  PromoCode,
  PromoCodeSchema,
  PromoCodeUse,
  PromoCodeUseSchema,
} from './promo-codes/promo-code.schema';
import { PromoCodeService } from './promo-codes/promo-code.service';

/** Product discounts and promo codes: admin management, and what pricing and orders read. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ProductDiscount.name, schema: ProductDiscountSchema },
      { name: PromoCode.name, schema: PromoCodeSchema },
      { name: PromoCodeUse.name, schema: PromoCodeUseSchema },
    ]),
  ],
  controllers: [ProductDiscountController, PromoCodeController],
  providers: [
    ProductDiscountRepository,
    ProductDiscountService,
    PromoCodeRepository,
    PromoCodeService,
  ],
  exports: [ProductDiscountService, PromoCodeService],
})
export class DiscountsModule {}
