import { ApiProperty } from '@nestjs/swagger';
import { EmailField, PasswordField, UsernameField } from '../../users/dto/user-fields';
import { UserStatus } from '../../users/user-status';

export class RegisterDto {
  @UsernameField()
  username: string;

  @EmailField()
  email: string;

  @PasswordField()
  password: string;
}

export class RegisterResponseDto {
  @ApiProperty({ format: 'uuid', example: '6f1c1a52-3c4e-4d8e-9b7a-2f0c9a4b7d11' })
  id: string;

  @ApiProperty({ example: 'ada_l' })
  username: string;

  @ApiProperty({ example: 'ada@example.com' })
  email: string;

  @ApiProperty({ enum: [UserStatus.Unverified], example: UserStatus.Unverified })
  status: UserStatus;
}
