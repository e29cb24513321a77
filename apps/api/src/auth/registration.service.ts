import { Injectable, Logger } from '@nestjs/common';
import { VerificationCodeInvalidError } from '@kassa/common';
import { Role } from '../access/role';
import { PasswordHasher } from '../users/password-hasher';
import { UserAccounts } from '../users/user-accounts.service';
import { UserRecord } from '../users/user.record';
import { UserStatus } from '../users/user-status';
import { VerificationPurpose } from './schemas/verification-code.schema';
import { VerificationCodeService } from './verification/verification-code.service';

export interface RegistrationInput {
  username: string;
  email: string;
  password: string;
}

/** Sign-up: an unverified customer account, activated by the code mailed to its address. */
@Injectable()
export class RegistrationService {
  private readonly logger = new Logger(RegistrationService.name);

  constructor(
    private readonly users: UserAccounts,
    private readonly hasher: PasswordHasher,
    private readonly codes: VerificationCodeService,
  ) {}

  /**
   * Creates the account (409 on a taken username or email, whatever the case) and mails a code.
   * A mail failure does not undo the registration: it is logged and the cool-down lifted, so the
   * user can ask for a code again right away.
   */
  async register(input: RegistrationInput): Promise<UserRecord> {
    const user = await this.users.create({
      username: input.username,
      email: input.email,
      passwordHash: await this.hasher.hash(input.password),
      role: Role.Customer,
      status: UserStatus.Unverified,
    });
    try {
      await this.codes.send(VerificationPurpose.Registration, this.recipient(user));
    } catch (error) {
      this.logger.error(
        `Verification mail for user ${user._id} failed: ${(error as Error).message}`,
      );
    }
    return user;
  }

  async verify(email: string, code: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (user?.status !== UserStatus.Unverified) throw new VerificationCodeInvalidError();
    const key = { userId: user._id, purpose: VerificationPurpose.Registration };
    await this.codes.redeem(key, code, async () => {
      if (!(await this.users.activate(user._id))) {
        throw new VerificationCodeInvalidError();
      }
    });
  }

  /** Mails a new code if the address belongs to an account awaiting verification. */
  async resend(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (user?.status !== UserStatus.Unverified) return;
    await this.codes.send(VerificationPurpose.Registration, this.recipient(user));
  }

  private recipient(user: UserRecord) {
    return { userId: user._id, username: user.username, email: user.email };
  }
}
