import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessModule } from '../access/access.module';
import { AuthConfig, authConfig } from '../config/auth.config';
import { AdminSeeder } from './admin-seeder';
import { PasswordHasher } from './password-hasher';
import { User, UserSchema } from './schemas/user.schema';
import { UnverifiedUsersPurge } from './unverified-users.purge';
import { UserAccounts } from './user-accounts.service';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/**
 * Accounts: storage, password hashing, admin management, the admin seed and the purge job.
 * Other features reach accounts through {@link UserAccounts}, never the repository.
 */
@Module({
  imports: [AccessModule, MongooseModule.forFeature([{ name: User.name, schema: UserSchema }])],
  controllers: [UsersController],
  providers: [
    UsersRepository,
    UsersService,
    UserAccounts,
    AdminSeeder,
    UnverifiedUsersPurge,
    {
      provide: PasswordHasher,
      inject: [authConfig.KEY],
      useFactory: (config: AuthConfig) => new PasswordHasher(config.passwordScryptLogN),
    },
  ],
  exports: [UserAccounts, PasswordHasher, UnverifiedUsersPurge],
})
export class UsersModule {}
