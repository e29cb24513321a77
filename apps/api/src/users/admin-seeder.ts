import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AlreadyExistsError } from '@kassa/common';
import { AuthConfig, authConfig } from '../config/auth.config';
import { PasswordHasher } from './password-hasher';
import { Role } from '../access/role';
import { UserStatus } from './user-status';
import { UsersRepository } from './users.repository';

/**
 * Creates the configured admin (`ADMIN_USERNAME`/`ADMIN_EMAIL`/`ADMIN_PASSWORD`) at start-up when
 * no user of that name exists. One upsert with `$setOnInsert`, keyed on the unique lowercase
 * username: of several instances starting together exactly one inserts, and an existing account
 * (whose password or role may since have changed) is never touched.
 */
@Injectable()
export class AdminSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminSeeder.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.admin;
    if (!admin) return;
    if (await this.users.findByUsername(admin.username)) return;
    try {
      const created = await this.users.insertIfAbsent({
        username: admin.username,
        email: admin.email,
        passwordHash: await this.hasher.hash(admin.password),
        role: Role.Admin,
        status: UserStatus.Active,
      });
      if (created) this.logger.log(`Seeded admin account ${admin.username}`);
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      this.logger.warn(`Admin ${admin.username} not seeded: ${error.message}`);
    }
  }
}
