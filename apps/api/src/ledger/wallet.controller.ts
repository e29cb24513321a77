import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { formatMoney, ListQuery, Page, ValidationError } from '@kassa/common';
import { Authenticated } from '../access/access.decorators';
import { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/current-user.decorator';
import { CatalogConfig, catalogConfig } from '../config/catalog.config';
import { ApiErrors } from '../http/api-errors.decorator';
import { ApiListQuery } from '../http/api-list-query.decorator';
import { ListQueryParam } from '../http/list-query.param';
import {
  BalanceResponseDto,
  LedgerPostingPageDto,
  LedgerPostingResponseDto,
} from './dto/ledger-response.dto';
import { walletOf } from './ledger-account';
import { LEDGER_POSTING_LIST_SPEC } from './ledger-list';
import { toPostingResponse } from './ledger.mapper';
import { LedgerService } from './ledger.service';

/** The caller's wallet: its balance and its statement, both from the ledger. */
@ApiTags('wallet')
@Authenticated()
@Controller('me')
export class WalletController {
  constructor(
    private readonly ledger: LedgerService,
    @Inject(catalogConfig.KEY) private readonly catalog: CatalogConfig,
  ) {}

  @Get('balance')
  @ApiOperation({ summary: "The caller's wallet balance" })
  @ApiOkResponse({ type: BalanceResponseDto })
  async getBalance(@CurrentUser() caller: AuthUser): Promise<BalanceResponseDto> {
    const cents = await this.ledger.balanceOf(walletOf(caller.id));
    return { balance: formatMoney(cents), currency: this.catalog.currency };
  }

  @Get('ledger')
  @ApiOperation({
    summary: "The caller's wallet postings, newest first",
    description:
      'One line per posting on the wallet: the journal entry, its kind and reference, the signed ' +
      'amount (money in positive, out negative) and the balance right after it.',
  })
  @ApiListQuery(LEDGER_POSTING_LIST_SPEC, {
    filter: { kind: 'transfer' },
    sort: '-createdAt',
  })
  @ApiOkResponse({ type: LedgerPostingPageDto })
  @ApiErrors(ValidationError)
  async list(
    @CurrentUser() caller: AuthUser,
    @ListQueryParam(LEDGER_POSTING_LIST_SPEC) query: ListQuery,
  ): Promise<Page<LedgerPostingResponseDto>> {
    const page = await this.ledger.statement(walletOf(caller.id), query);
    const currency = this.catalog.currency;
    return { ...page, items: page.items.map((posting) => toPostingResponse(posting, currency)) };
  }
}
