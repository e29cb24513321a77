import { randomInt } from 'node:crypto';
import {
  DomainError,
  VerificationCodeExpiredError,
  VerificationCodeInvalidError,
  VerificationCodeLockedError,
} from '@kassa/common';

export const CODE_DIGITS = 6;

/** A uniformly random 6-digit code from the CSPRNG, leading zeros kept. */
export function generateVerificationCode(): string {
  return randomInt(0, 10 ** CODE_DIGITS)
    .toString()
    .padStart(CODE_DIGITS, '0');
}

export type CodeRejection = 'invalid' | 'expired' | 'locked';

/** The 400 that answers a refused code: `VERIFICATION_CODE_INVALID` / `_EXPIRED` / `_LOCKED`. */
export function codeRejectionError(reason: CodeRejection, attemptsLeft?: number): DomainError {
  switch (reason) {
    case 'expired':
      return new VerificationCodeExpiredError();
    case 'locked':
      return new VerificationCodeLockedError();
    default:
      return new VerificationCodeInvalidError(attemptsLeft);
  }
}

export interface CodeState {
  attempts: number;
  expiresAt: Date;
}

/**
 * Why a stored code cannot be used any more, or undefined when it still takes attempts.
 * Locked wins over expired: once five wrong attempts were made, the answer stays "locked".
 */
export function unusableReason(
  code: CodeState | null,
  now: Date,
  maxAttempts: number,
): CodeRejection | undefined {
  if (!code) return 'invalid';
  if (code.attempts >= maxAttempts) return 'locked';
  if (code.expiresAt.getTime() <= now.getTime()) return 'expired';
  return undefined;
}

/** The answer to a wrong code after its attempt was counted. */
export function wrongCodeError(attemptsAfter: number, maxAttempts: number): DomainError {
  const attemptsLeft = maxAttempts - attemptsAfter;
  return attemptsLeft <= 0
    ? codeRejectionError('locked')
    : codeRejectionError('invalid', attemptsLeft);
}
