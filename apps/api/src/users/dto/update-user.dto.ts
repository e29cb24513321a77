import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsEnum, IsIn } from 'class-validator';
import { Role } from '../../access/role';
import { UserStatus } from '../user-status';
import { EmailField, UsernameField } from './user-fields';

const SETTABLE_STATUSES = [UserStatus.Active, UserStatus.Deactivated];

/** `PUT /users/:id`: every field an admin may edit. */
export class ReplaceUserDto {
  @UsernameField()
  username: string;

  @EmailField()
  email: string;

  @ApiProperty({ enum: Role, example: Role.Support })
  @IsEnum(Role)
  role: Role;

  @ApiProperty({ enum: SETTABLE_STATUSES, example: UserStatus.Active })
  @IsIn(SETTABLE_STATUSES)
  status: UserStatus.Active | UserStatus.Deactivated;
}

/** `PATCH /users/:id`: any subset of the editable fields. */
export class UpdateUserDto extends PartialType(ReplaceUserDto) {}
