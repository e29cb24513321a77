import { adminCrudController } from '../../http/admin-crud.controller';
import { PRODUCT_DISCOUNT_LIST_SPEC } from './product-discount-list';
import {
  PatchProductDiscountDto,
  ProductDiscountDto,
  ProductDiscountPageDto,
  ProductDiscountResponseDto,
} from './product-discount.dto';
import { toProductDiscountResponse } from './product-discount.mapper';
import { ProductDiscountService } from './product-discount.service';

/** `/discounts`: admin management of product discounts. */
export class ProductDiscountController extends adminCrudController({
  path: 'discounts',
  noun: 'product discount',
  service: ProductDiscountService,
  input: ProductDiscountDto,
  changes: PatchProductDiscountDto,
  response: ProductDiscountResponseDto,
  page: ProductDiscountPageDto,
  listSpec: PRODUCT_DISCOUNT_LIST_SPEC,
  listExample: { filter: { active: 'true' }, sort: '-createdAt' },
  description:
    'Percent or a fixed amount off each unit, on products, brands or categories, within an ' +
    'optional time window. Per cart line the single best discount applies (none stack); a ' +
    'discount never makes a line negative.',
  toResponse: toProductDiscountResponse,
}) {}
