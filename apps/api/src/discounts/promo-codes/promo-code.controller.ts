import { AlreadyExistsError } from '@kassa/common';
import { adminCrudController } from '../../http/admin-crud.controller';
import { PROMO_CODE_LIST_SPEC } from './promo-code-list';
import {
  PatchPromoCodeDto,
  PromoCodeDto,
  PromoCodePageDto,
  PromoCodeResponseDto,
} from './promo-code.dto';
import { toPromoCodeResponse } from './promo-code.mapper';
import { PromoCodeService } from './promo-code.service';

/** `/promo-codes`: admin management of promo codes. */
export class PromoCodeController extends adminCrudController({
  path: 'promo-codes',
  noun: 'promo code',
  service: PromoCodeService,
  input: PromoCodeDto,
  changes: PatchPromoCodeDto,
  response: PromoCodeResponseDto,
  page: PromoCodePageDto,
  listSpec: PROMO_CODE_LIST_SPEC,
  listExample: { filter: { active: 'true' }, sort: 'code' },
  writeErrors: [AlreadyExistsError],
  description:
    'Percent or a fixed amount off the subtotal after product discounts, one code per cart, ' +
    'with a minimum subtotal, a time window and limits in all and per customer. Uses are counted ' +
    'when an order is created and given back when it is cancelled or expires.',
  toResponse: toPromoCodeResponse,
}) {}
