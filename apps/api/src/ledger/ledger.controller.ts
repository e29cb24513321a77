import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '../access/access.decorators';
import { LedgerCheckResponseDto } from './dto/ledger-response.dto';
import { LedgerCheckService } from './ledger-check.service';
import { toCheckResponse } from './ledger.mapper';

/** The ledger's invariant, for admins and monitoring. */
@ApiTags('operations')
@AdminOnly()
@Controller('ledger')
export class LedgerController {
  constructor(private readonly ledgerCheck: LedgerCheckService) {}

  @Get('check')
  @ApiOperation({
    summary: 'Recompute every balance from the postings and check the invariant (admin)',
    description:
      'balanced is true when every journal entry sums to zero, the balances of all accounts sum ' +
      'to zero, and every cached balance equals the sum of its postings; otherwise the lists ' +
      'name what is wrong.',
  })
  @ApiOkResponse({ type: LedgerCheckResponseDto })
  async check(): Promise<LedgerCheckResponseDto> {
    return toCheckResponse(await this.ledgerCheck.check());
  }
}
