/**
 * Integer money. Amounts are integer cents; per-unit prices may be in micros (1 cent = 10,000 micros).
 * Rounding rule: each invoice line is computed exactly in integers and rounded ONCE, half away from zero,
 * to whole cents; totals are sums of already-rounded lines (never rounded again).
 */
export const MICROS_PER_CENT = 10_000n;
export const BPS_DENOMINATOR = 10_000n;

/** numer / denom rounded half away from zero, as a safe integer. */
export function divRound(numer: bigint, denom: bigint): number {
  if (denom <= 0n) throw new RangeError('denominator must be positive');
  const q = numer / denom;
  const r = numer % denom;
  const twice = (r < 0n ? -r : r) * 2n;
  const rounded = twice >= denom ? q + (numer < 0n ? -1n : 1n) : q;
  const n = Number(rounded);
  if (!Number.isSafeInteger(n)) throw new RangeError('amount exceeds the safe integer range');
  return n;
}

/** quantity × unit price in micros → cents, rounded once. */
export function lineCentsFromMicros(quantity: number, unitPriceMicros: number): number {
  return divRound(BigInt(quantity) * BigInt(unitPriceMicros), MICROS_PER_CENT);
}

/** Basis points share of quantity × unit price in micros → cents, rounded once. */
export function shareCentsFromMicros(quantity: number, unitPriceMicros: number, bps: number): number {
  return divRound(
    BigInt(quantity) * BigInt(unitPriceMicros) * BigInt(bps),
    MICROS_PER_CENT * BPS_DENOMINATOR,
  );
}
