/**
 * An expected business outcome that is not a fault (a declined card, a promo code that does not
 * apply): either the value, or the machine-readable reason it could not be had. Callers branch on
 * `ok`; nothing is thrown.
 */
export type Outcome<Value, Reason extends string, Detail = undefined> =
  { ok: true; value: Value } | { ok: false; reason: Reason; detail: Detail };

export function succeeded<Value>(value: Value): { ok: true; value: Value } {
  return { ok: true, value };
}

export function refused<Reason extends string>(
  reason: Reason,
): { ok: false; reason: Reason; detail: undefined };
export function refused<Reason extends string, Detail>(
  reason: Reason,
  detail: Detail,
): { ok: false; reason: Reason; detail: Detail };
export function refused<Reason extends string, Detail>(reason: Reason, detail?: Detail) {
  return { ok: false as const, reason, detail };
}
