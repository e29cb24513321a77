import { ApiProperty } from '@nestjs/swagger';
import { PageResponseDto } from '../../http/page-response.dto';
import { Role } from '../../access/role';
import { UserRecord } from '../user.record';
import { UserStatus } from '../user-status';

export class UserResponseDto {
  @ApiProperty({ format: 'uuid', example: '6f1c1a52-3c4e-4d8e-9b7a-2f0c9a4b7d11' })
  id: string;

  @ApiProperty({ example: 'ada_l' })
  username: string;

  @ApiProperty({ example: 'ada@example.com' })
  email: string;

  @ApiProperty({ enum: Role, example: Role.Customer })
  role: Role;

  @ApiProperty({ enum: UserStatus, example: UserStatus.Active })
  status: UserStatus;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'A requested new address that still awaits its verification code',
  })
  pendingEmail: string | null;

  @ApiProperty({ example: '2025-01-31T09:30:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2025-02-01T10:00:00.000Z' })
  updatedAt: string;
}

export class UserPageDto extends PageResponseDto(UserResponseDto) {}

export function toUserResponse(user: UserRecord): UserResponseDto {
  return {
    id: user._id,
    username: user.username,
    email: user.email,
    role: user.role,
    status: user.status,
    pendingEmail: user.pendingEmail?.email ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

export function toUserPage(
  page: Omit<UserPageDto, 'items'> & { items: UserRecord[] },
): UserPageDto {
  return { ...page, items: page.items.map(toUserResponse) };
}
