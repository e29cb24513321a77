import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthConfig, authConfig } from '../config/auth.config';
import { AdminSeeder } from './admin-seeder';
import { PasswordHasher } from './password-hasher';
import { User, UserSchema } from './schemas/user.schema';
import { UnverifiedUsersPurge } from './unverified-users.purge';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** Accounts: storage, password hashing, admin management, the admin seed and the purge job. */
@Module({
  imports: [
    ConfigModule.forFeature(authConfig),
    MongooseModule.forFeature([{ name: User.name, schema: UserSchema }]),
  ],
  controllers: [UsersController],
  providers: [
    UsersRepository,
    UsersService,
    AdminSeeder,
    UnverifiedUsersPurge,
    {
      provide: PasswordHasher,
      inject: [authConfig.KEY],
      useFactory: (config: AuthConfig) => new PasswordHasher(config.passwordScryptLogN),
    },
  ],
  exports: [UsersRepository, PasswordHasher, UnverifiedUsersPurge],
})
export class UsersModule {}
