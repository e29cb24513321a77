import { describeTransitions } from '../../../../test/support/transitions';
import { RETURN_TRANSITIONS } from './return-status';

describeTransitions(RETURN_TRANSITIONS, [
  'requested→approved',
  'requested→rejected',
  'approved→refunded',
]);
