import { describeTransitions } from '../../../../../test/support/transitions';
import { PAYMENT_TRANSITIONS } from './payment-status';

describeTransitions(PAYMENT_TRANSITIONS, ['created→paid', 'created→cancelled']);
