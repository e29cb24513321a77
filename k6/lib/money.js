// Money as the API speaks it ("1299.00") turned into integer cents, so checks never sum floats.

/**
 * @param {string} amount A decimal string with two digits, as the API answers.
 * @returns {number}
 */
export function cents(amount) {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(amount);
  if (!match) throw new Error(`not a money amount: ${amount}`);
  const value = Number(match[2]) * 100 + Number(match[3]);
  return match[1] === '-' ? -value : value;
}

/**
 * @param {number} value Integer cents.
 * @returns {string} "12.50"
 */
export function amount(value) {
  const sign = value < 0 ? '-' : '';
  const absolute = Math.abs(value);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

/**
 * `percent` % of `value` cents, rounded half to even, as the API rounds a percentage.
 *
 * @param {number} value Integer cents.
 * @param {number} percent A whole percentage.
 */
export function percentOf(value, percent) {
  const scaled = value * percent;
  const whole = Math.floor(scaled / 100);
  const remainder = scaled - whole * 100;
  if (remainder > 50 || (remainder === 50 && whole % 2 === 1)) return whole + 1;
  return whole;
}

/**
 * @param {string[]} amounts
 * @returns {number} Their sum in cents.
 */
export function sumOf(amounts) {
  return amounts.reduce((sum, each) => sum + cents(each), 0);
}
