import { randomInt } from 'node:crypto';
import { DomainError } from '@kassa/common';

export const CODE_DIGITS = 6;

/** A uniformly random 6-digit code from the CSPRNG, leading zeros kept. */
export function generateVerificationCode(): string {
  return randomInt(0, 10 ** CODE_DIGITS)
    .toString()
    .padStart(CODE_DIGITS, '0');
}

export type CodeRejection = 'invalid' | 'expired' | 'locked';

/** Why a code was refused (400): `VERIFICATION_CODE_INVALID` / `_EXPIRED` / `_LOCKED`. */
export class VerificationCodeError extends DomainError {
  constructor(
    readonly reason: CodeRejection,
    attemptsLeft?: number,
  ) {
    super(
      `VERIFICATION_CODE_${reason.toUpperCase()}`,
      VerificationCodeError.describe(reason, attemptsLeft),
    );
  }

  private static describe(reason: CodeRejection, attemptsLeft?: number): string {
    switch (reason) {
      case 'expired':
        return 'The verification code has expired; request a new one';
      case 'locked':
        return 'Too many wrong attempts; request a new verification code';
      default:
        return attemptsLeft === undefined
          ? 'The verification code is not valid'
          : `The verification code is not valid (${attemptsLeft} attempt(s) left)`;
    }
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
export function wrongCodeError(attemptsAfter: number, maxAttempts: number): VerificationCodeError {
  const attemptsLeft = maxAttempts - attemptsAfter;
  return attemptsLeft <= 0
    ? new VerificationCodeError('locked')
    : new VerificationCodeError('invalid', attemptsLeft);
}
