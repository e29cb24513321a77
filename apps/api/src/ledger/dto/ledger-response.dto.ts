import { ApiProperty } from '@nestjs/swagger';
import { PageResponseDto } from '../../http/page-response.dto';
import { LEDGER_ENTRY_KINDS, LedgerEntryKind } from '../ledger-entry';

export class BalanceResponseDto {
  @ApiProperty({ example: '12.50', description: "The caller's wallet balance" })
  balance: string;

  @ApiProperty({ example: 'USD' })
  currency: string;
}

export class LedgerPostingResponseDto {
  @ApiProperty({ format: 'uuid', description: 'The posting' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The journal entry it belongs to' })
  entryId: string;

  @ApiProperty({ enum: LEDGER_ENTRY_KINDS, example: 'transfer' })
  kind: LedgerEntryKind;

  @ApiProperty({ example: 'payment:5b0f1c6e-2d4a-4f8e-9c1b-7a3d2e1f0a9b' })
  reference: string;

  @ApiProperty({ type: String, nullable: true, example: 'Payment to bob' })
  memo: string | null;

  @ApiProperty({ example: '-12.50', description: 'Signed: money in is positive, out negative' })
  amount: string;

  @ApiProperty({ example: '37.50', description: 'The wallet balance right after this posting' })
  balanceAfter: string;

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class LedgerPostingPageDto extends PageResponseDto(LedgerPostingResponseDto) {}

export class BalanceMismatchDto {
  @ApiProperty({ example: 'wallet:5b0f1c6e-2d4a-4f8e-9c1b-7a3d2e1f0a9b' })
  account: string;

  @ApiProperty({ example: '12.50' })
  cached: string;

  @ApiProperty({ example: '10.00' })
  recomputed: string;
}

export class LedgerCheckResponseDto {
  @ApiProperty({
    example: true,
    description:
      'Every entry balances, the balances sum to zero and every cached balance equals its recomputation',
  })
  balanced: boolean;

  @ApiProperty({
    example: '0.00',
    description: 'The sum of all balances, recomputed from postings',
  })
  sumOfBalances: string;

  @ApiProperty({ example: 42, description: 'Journal entries' })
  entries: number;

  @ApiProperty({ type: [String], example: [], description: 'Ids of entries that do not balance' })
  unbalancedEntries: string[];

  @ApiProperty({ type: [BalanceMismatchDto], example: [] })
  cachedBalanceMismatches: BalanceMismatchDto[];
}
