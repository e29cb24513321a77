import { Injectable } from '@nestjs/common';
import { ValidationError, VerificationCodeInvalidError } from '@kassa/common';
import { PasswordHasher } from '../users/password-hasher';
import { UserAccounts } from '../users/user-accounts.service';
import { lowercaseKey, UserRecord } from '../users/user.record';
import { VerificationPurpose } from './schemas/verification-code.schema';
import { VerificationCodeService } from './verification/verification-code.service';

export interface ProfileChanges {
  username?: string;
  email?: string;
}

/** The caller's own account: read it, rename, change email (verified) and password. */
@Injectable()
export class AccountService {
  constructor(
    private readonly users: UserAccounts,
    private readonly hasher: PasswordHasher,
    private readonly codes: VerificationCodeService,
  ) {}

  get(userId: string): Promise<UserRecord> {
    return this.users.get(userId);
  }

  /**
   * A new username applies at once (409 if taken). A new email only becomes pending: a code goes
   * to the new address and the change applies when it is redeemed (`POST /me/email/verification`).
   */
  async update(userId: string, changes: ProfileChanges): Promise<UserRecord> {
    let user = await this.get(userId);
    if (changes.username !== undefined && changes.username !== user.username) {
      user = await this.users.rename(userId, changes.username);
    }
    if (changes.email !== undefined && lowercaseKey(changes.email) !== user.emailLower) {
      user = await this.requestEmailChange(user, changes.email);
    }
    return user;
  }

  async confirmEmailChange(userId: string, code: string): Promise<UserRecord> {
    const key = { userId, purpose: VerificationPurpose.EmailChange };
    return this.codes.redeem(key, code, async (redeemed) => {
      const updated = await this.users.applyPendingEmail(userId, redeemed.email);
      if (!updated) throw new VerificationCodeInvalidError();
      return updated;
    });
  }

  /** Replaces the password after checking the current one; every session of the user ends. */
  async changePassword(
    userId: string,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const user = await this.get(userId);
    const incorrect = ValidationError.forField('currentPassword', 'currentPassword is incorrect');
    if (!(await this.hasher.verify(currentPassword, user.passwordHash))) throw incorrect;
    const newHash = await this.hasher.hash(newPassword);
    if (!(await this.users.replacePassword(userId, user.passwordHash, newHash))) throw incorrect;
  }

  /**
   * Makes the address pending. The answer is the same whether or not another account has it, so
   * the route cannot tell who is registered; only a free address gets a code, so a taken one can
   * never be confirmed.
   */
  private async requestEmailChange(user: UserRecord, email: string): Promise<UserRecord> {
    if (!(await this.users.findByEmail(email))) {
      await this.codes.send(VerificationPurpose.EmailChange, {
        userId: user._id,
        username: user.username,
        email,
      });
    }
    return this.users.setPendingEmail(user._id, email);
  }
}
