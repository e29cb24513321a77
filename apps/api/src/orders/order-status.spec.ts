import { describeTransitions } from '../../../../test/support/transitions';
import { ORDER_TRANSITIONS } from './order-status';

describeTransitions(ORDER_TRANSITIONS, [
  'pending→paid',
  'pending→cancelled',
  'pending→expired',
  'paid→partially_returned',
  'paid→returned',
  'partially_returned→returned',
]);
