import { ApiErrorExample } from '../../http/api-errors.decorator';

export const INVALID_CREDENTIALS: ApiErrorExample = {
  status: 401,
  code: 'INVALID_CREDENTIALS',
  message: 'Invalid username, email or password',
};

export const NOT_VERIFIED: ApiErrorExample = {
  status: 403,
  code: 'ACCOUNT_NOT_VERIFIED',
  message: 'Verify your email address before logging in',
};

export const CSRF_REJECTED: ApiErrorExample = {
  status: 403,
  code: 'CSRF_TOKEN_INVALID',
  message: 'X-CSRF-Token must repeat the kassa_csrf cookie',
};

export const RESEND_TOO_SOON: ApiErrorExample = {
  status: 429,
  code: 'RESEND_TOO_SOON',
  message: 'A code was sent moments ago; wait before asking again',
};

export const CODE_REJECTIONS: ApiErrorExample[] = [
  {
    status: 400,
    code: 'VERIFICATION_CODE_INVALID',
    message: 'The verification code is not valid (4 attempt(s) left)',
  },
  {
    status: 400,
    code: 'VERIFICATION_CODE_EXPIRED',
    message: 'The verification code has expired; request a new one',
  },
  {
    status: 400,
    code: 'VERIFICATION_CODE_LOCKED',
    message: 'Too many wrong attempts; request a new verification code',
  },
];
