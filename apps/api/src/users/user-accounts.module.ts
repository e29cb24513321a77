import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessModule } from '../access/access.module';
import { AuthConfig, authConfig } from '../config/auth.config';
import { PasswordHasher } from './password-hasher';
import { User, UserSchema } from './schemas/user.schema';
import { UserAccounts } from './user-accounts.service';
import { UsersRepository } from './users.repository';

/**
 * What other features may do to accounts ({@link UserAccounts}) and the password hasher, with no
 * routes and no jobs: enough for `npm run seed`, and what {@link UsersModule} re-exports. The
 * repository stays inside; `UsersModule` declares its own for the admin routes and jobs.
 */
@Module({
  imports: [AccessModule, MongooseModule.forFeature([{ name: User.name, schema: UserSchema }])],
  providers: [
    UsersRepository,
    UserAccounts,
    {
      provide: PasswordHasher,
      inject: [authConfig.KEY],
      useFactory: (config: AuthConfig) => new PasswordHasher(config.passwordScryptLogN),
    },
  ],
  exports: [UserAccounts, PasswordHasher],
})
export class UserAccountsModule {}
