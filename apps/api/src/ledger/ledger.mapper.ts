import { formatMoney } from '@kassa/common';
import { LedgerCheckResponseDto, LedgerPostingResponseDto } from './dto/ledger-response.dto';
import { LedgerCheck } from './ledger-check.service';
import { LedgerPostingRecord } from './ledger-journal.repository';

export function toPostingResponse(
  posting: LedgerPostingRecord,
  currency: string,
): LedgerPostingResponseDto {
  return {
    id: posting._id,
    entryId: posting.entryId,
    kind: posting.kind,
    reference: posting.reference,
    memo: posting.memo,
    amount: formatMoney(posting.amountCents),
    balanceAfter: formatMoney(posting.balanceAfterCents),
    currency,
    createdAt: posting.createdAt.toISOString(),
  };
}

export function toCheckResponse(check: LedgerCheck): LedgerCheckResponseDto {
  return {
    balanced: check.balanced,
    sumOfBalances: formatMoney(check.sumOfBalancesCents),
    entries: check.entries,
    unbalancedEntries: check.unbalancedEntries,
    cachedBalanceMismatches: check.cachedBalanceMismatches.map((mismatch) => ({
      account: mismatch.accountKey,
      cached: formatMoney(mismatch.cachedCents),
      recomputed: formatMoney(mismatch.recomputedCents),
    })),
  };
}
