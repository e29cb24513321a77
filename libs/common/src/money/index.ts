export * from './money';
export * from './is-money-amount.decorator';
export * from './allocation';
