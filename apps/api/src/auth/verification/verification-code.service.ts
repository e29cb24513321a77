import { Inject, Injectable } from '@nestjs/common';
import { ResendTooSoonError } from '@kassa/common';
import { TransactionRunner } from '@kassa/database';
import { AuthConfig, authConfig } from '../../config/auth.config';
import {
  emailChangeCodeMail,
  passwordResetCodeMail,
  verificationCodeMail,
} from '../../notifications/mail-templates';
import { MAILER, Mailer } from '../../notifications/mailer';
import { AuthKeys } from '../auth-keys';
import { VerificationPurpose } from '../schemas/verification-code.schema';
import {
  CodeKey,
  VerificationCodeRecord,
  VerificationCodeRepository,
} from './verification-code.repository';
import {
  codeRejectionError,
  generateVerificationCode,
  unusableReason,
  wrongCodeError,
} from './verification-code.rules';

/** Keeps an expired code this long so a late attempt is answered "expired", not "invalid". */
const EXPIRED_CODE_RETENTION_MS = 24 * 60 * 60 * 1000;

const TEMPLATES = {
  [VerificationPurpose.Registration]: verificationCodeMail,
  [VerificationPurpose.EmailChange]: emailChangeCodeMail,
  [VerificationPurpose.PasswordReset]: passwordResetCodeMail,
};

export interface CodeRecipient {
  userId: string;
  username: string;
  /** Address the code goes to. */
  email: string;
}

/**
 * Six-digit codes that prove control of an address: mailed, stored as a keyed hash, valid for
 * `VERIFICATION_CODE_TTL`, `VERIFICATION_CODE_MAX_ATTEMPTS` tries, renewed at most once per
 * `VERIFICATION_RESEND_COOLDOWN`.
 */
@Injectable()
export class VerificationCodeService {
  constructor(
    private readonly codes: VerificationCodeRepository,
    private readonly keys: AuthKeys,
    private readonly transactions: TransactionRunner,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  /**
   * Replaces the recipient's code with a new one and mails it. Throws `RESEND_TOO_SOON` inside
   * the cool-down. If the mail cannot be sent the cool-down is lifted again before the error
   * propagates, so the user can ask for another code at once.
   */
  async send(purpose: VerificationPurpose, recipient: CodeRecipient): Promise<void> {
    const now = new Date();
    const code = generateVerificationCode();
    const key = { userId: recipient.userId, purpose };
    const codeHash = this.keys.verificationCodeHash(recipient.userId, code);
    const expiresAt = new Date(now.getTime() + this.config.verificationCodeTtlMs);
    const stored = await this.codes.replace(
      {
        ...key,
        email: recipient.email.toLowerCase(),
        codeHash,
        expiresAt,
        resendAvailableAt: new Date(now.getTime() + this.config.verificationResendCooldownMs),
        purgeAt: new Date(expiresAt.getTime() + EXPIRED_CODE_RETENTION_MS),
      },
      now,
    );
    if (!stored) throw new ResendTooSoonError(await this.secondsUntilResend(key, now));
    const message = TEMPLATES[purpose]({
      to: recipient.email,
      username: recipient.username,
      code,
      validForMinutes: Math.round(this.config.verificationCodeTtlMs / 60_000),
    });
    try {
      await this.mailer.send(message);
    } catch (error) {
      await this.codes.liftCooldown(key, codeHash, now);
      throw error;
    }
  }

  /**
   * Uses up the code if it is right and runs `onAccepted` in the same transaction (a failure
   * there keeps the code). A wrong code counts an attempt (atomically, outside the transaction so
   * it sticks) and is answered INVALID, or LOCKED once the attempts are spent; a stale one EXPIRED.
   */
  async redeem<T>(
    key: CodeKey,
    code: string,
    onAccepted: (code: VerificationCodeRecord) => Promise<T>,
  ): Promise<T> {
    const now = new Date();
    const max = this.config.verificationMaxAttempts;
    const codeHash = this.keys.verificationCodeHash(key.userId, code);
    const outcome = await this.transactions.run(async () => {
      const consumed = await this.codes.consume(key, codeHash, now, max);
      return consumed ? { value: await onAccepted(consumed) } : null;
    });
    if (outcome) return outcome.value;
    const attempts = await this.codes.countWrongAttempt(key, now, max);
    if (attempts !== null) throw wrongCodeError(attempts, max);
    throw codeRejectionError(unusableReason(await this.codes.find(key), now, max) ?? 'invalid');
  }

  private async secondsUntilResend(key: CodeKey, now: Date): Promise<number> {
    const current = await this.codes.find(key);
    const waitMs = (current?.resendAvailableAt.getTime() ?? now.getTime()) - now.getTime();
    return Math.max(1, Math.ceil(waitMs / 1000));
  }
}
