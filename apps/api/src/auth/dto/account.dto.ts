import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { EmailField, PasswordField, UsernameField } from '../../users/dto/user-fields';

/** `PATCH /me`: a new username applies at once; a new email waits for its mailed code. */
export class UpdateMeDto {
  @UsernameField({ optional: true })
  username?: string;

  @EmailField({ optional: true })
  email?: string;
}

export class ChangePasswordDto {
  @ApiProperty({ example: 'correct-horse-battery', format: 'password' })
  @IsString()
  @Length(1, 128)
  currentPassword: string;

  @PasswordField('new-staple-battery-horse')
  newPassword: string;
}
