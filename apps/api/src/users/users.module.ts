import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessModule } from '../access/access.module';
import { AdminSeeder } from './admin-seeder';
import { User, UserSchema } from './schemas/user.schema';
import { UnverifiedUsersPurge } from './unverified-users.purge';
import { UserAccountsModule } from './user-accounts.module';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/**
 * Accounts: storage, password hashing, admin management, the admin seed and the purge job.
 * Other features reach accounts through {@link UserAccounts}, never the repository.
 */
@Module({
  imports: [
    AccessModule,
    UserAccountsModule,
    MongooseModule.forFeature([{ name: User.name, schema: UserSchema }]),
  ],
  controllers: [UsersController],
  providers: [UsersRepository, UsersService, AdminSeeder, UnverifiedUsersPurge],
  exports: [UserAccountsModule, UnverifiedUsersPurge],
})
export class UsersModule {}
