import { Injectable } from '@nestjs/common';
import { ResendTooSoonError, VerificationCodeInvalidError } from '@kassa/common';
import { PasswordHasher } from '../users/password-hasher';
import { UserAccounts } from '../users/user-accounts.service';
import { UserStatus } from '../users/user-status';
import { VerificationPurpose } from './schemas/verification-code.schema';
import { VerificationCodeService } from './verification/verification-code.service';

/**
 * A way back for a user who forgot the password: a single-use code mailed to the account's
 * address (hashed, limited in time and attempts like every code), then a new password that ends
 * every session. Asking tells nothing about whether an address is registered.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly accounts: UserAccounts,
    private readonly hasher: PasswordHasher,
    private readonly codes: VerificationCodeService,
  ) {}

  /** Mails a code to an active account with this address; the same answer for any address. */
  async requestReset(email: string): Promise<void> {
    const user = await this.accounts.findByEmail(email);
    if (user?.status !== UserStatus.Active) return;
    try {
      await this.codes.send(VerificationPurpose.PasswordReset, {
        userId: user._id,
        username: user.username,
        email: user.email,
      });
    } catch (error) {
      if (!(error instanceof ResendTooSoonError)) throw error;
    }
  }

  async reset(email: string, code: string, newPassword: string): Promise<void> {
    const user = await this.accounts.findByEmail(email);
    if (user?.status !== UserStatus.Active) throw new VerificationCodeInvalidError();
    const newHash = await this.hasher.hash(newPassword);
    const key = { userId: user._id, purpose: VerificationPurpose.PasswordReset };
    await this.codes.redeem(key, code, async () => {
      if (!(await this.accounts.replacePassword(user._id, user.passwordHash, newHash))) {
        throw new VerificationCodeInvalidError();
      }
    });
  }
}
