export * from './money';
export * from './is-money-amount.decorator';
