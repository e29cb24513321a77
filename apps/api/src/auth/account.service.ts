import { Injectable } from '@nestjs/common';
import { AlreadyExistsError, NotFoundError, ValidationError } from '@kassa/common';
import { PasswordHasher } from '../users/password-hasher';
import { lowercaseKey, UserRecord } from '../users/user.record';
import { UsersRepository } from '../users/users.repository';
import { VerificationPurpose } from './schemas/verification-code.schema';
import { VerificationCodeError } from './verification/verification-code.rules';
import { VerificationCodeService } from './verification/verification-code.service';

export interface ProfileChanges {
  username?: string;
  email?: string;
}

/** The caller's own account: read it, rename, change email (verified) and password. */
@Injectable()
export class AccountService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly codes: VerificationCodeService,
  ) {}

  async get(userId: string): Promise<UserRecord> {
    const user = await this.users.findById(userId);
    if (!user) throw new NotFoundError('User', userId);
    return user;
  }

  /**
   * A new username applies at once (409 if taken). A new email only becomes pending: a code goes
   * to the new address and the change applies when it is redeemed (`POST /me/email/verification`).
   */
  async update(userId: string, changes: ProfileChanges): Promise<UserRecord> {
    let user = await this.get(userId);
    if (changes.username !== undefined && changes.username !== user.username) {
      user = (await this.users.changeUsername(userId, changes.username)) ?? user;
    }
    if (changes.email !== undefined && lowercaseKey(changes.email) !== user.emailLower) {
      user = await this.requestEmailChange(user, changes.email);
    }
    return user;
  }

  async confirmEmailChange(userId: string, code: string): Promise<UserRecord> {
    const key = { userId, purpose: VerificationPurpose.EmailChange };
    return this.codes.redeem(key, code, async (redeemed, session) => {
      const updated = await this.users.applyPendingEmail(userId, redeemed.email, session);
      if (!updated) throw new VerificationCodeError('invalid');
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

  private async requestEmailChange(user: UserRecord, email: string): Promise<UserRecord> {
    if (await this.users.findByEmail(email)) throw new AlreadyExistsError('User', 'email');
    await this.codes.send(VerificationPurpose.EmailChange, {
      userId: user._id,
      username: user.username,
      email,
    });
    return (await this.users.setPendingEmail(user._id, email)) ?? user;
  }
}
