/** What a bought line cost the customer: its total after its discount, less its promo share. */
export interface PaidLine {
  quantity: number;
  lineTotalCents: number;
  promoShareCents: number;
}

/** What a line paid for its first `units` units, rounded down to the cent. */
function paidForUnits(line: PaidLine, units: number): number {
  return Math.floor(((line.lineTotalCents - line.promoShareCents) * units) / line.quantity);
}

/**
 * What returning `units` more units of a line gives back when `alreadyReturned` were returned
 * before. Counted cumulatively, so the returns of a line, however split, give back exactly what
 * the line paid once every unit is back: never a cent more or less.
 */
export function refundForUnits(line: PaidLine, alreadyReturned: number, units: number): number {
  return paidForUnits(line, alreadyReturned + units) - paidForUnits(line, alreadyReturned);
}
