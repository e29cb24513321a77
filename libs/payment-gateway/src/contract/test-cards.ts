/** How the processor treats a card; decided by the card number alone. */
export type CardBehaviour =
  | 'approve'
  | 'decline_card'
  | 'decline_funds'
  | 'fail_first_attempt'
  | 'fail_always'
  | 'charge_then_hang'
  | 'refunds_fail_first';

export interface TestCard {
  number: string;
  behaviour: CardBehaviour;
  /** What happens, for the docs. */
  outcome: string;
}

/**
 * The processor's test cards. Any other 16-digit number that passes the Luhn check is approved.
 * The hang duration and the number of failing refund attempts are processor options.
 */
export const TEST_CARDS: readonly TestCard[] = [
  { number: '4242424242424242', behaviour: 'approve', outcome: 'approved' },
  {
    number: '4000000000000002',
    behaviour: 'decline_card',
    outcome: 'declined, reason `card_declined` (402)',
  },
  {
    number: '4000000000009995',
    behaviour: 'decline_funds',
    outcome: 'declined, reason `insufficient_funds` (402)',
  },
  {
    number: '4000000000000119',
    behaviour: 'fail_first_attempt',
    outcome: '500 on the first attempt of an idempotency key, approved on a retry with that key',
  },
  {
    number: '4000000000000127',
    behaviour: 'fail_always',
    outcome: '500 on every attempt; nothing is charged',
  },
  {
    number: '4000000000000259',
    behaviour: 'charge_then_hang',
    outcome:
      'charged at once, but every answer (replays too) hangs past the client timeout; ' +
      'lookups by id or reference answer at once',
  },
  {
    number: '4000000000005126',
    behaviour: 'refunds_fail_first',
    outcome:
      'approved; each refund key fails with 500 on its first attempts (3 by default), ' +
      'then the refund succeeds',
  },
];

const BEHAVIOUR_BY_NUMBER = new Map(TEST_CARDS.map((card) => [card.number, card.behaviour]));

export function cardBehaviour(cardNumber: string): CardBehaviour {
  return BEHAVIOUR_BY_NUMBER.get(cardNumber) ?? 'approve';
}

/** The test cards as a Markdown table, for Swagger. */
export function testCardsMarkdown(): string {
  const rows = TEST_CARDS.map((card) => `| \`${card.number}\` | ${card.outcome} |`);
  return ['| card number | outcome |', '|---|---|', ...rows].join('\n');
}
