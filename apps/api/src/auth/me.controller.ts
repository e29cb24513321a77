import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AlreadyExistsError,
  RateLimitedError,
  ResendTooSoonError,
  ValidationError,
  VerificationCodeExpiredError,
  VerificationCodeInvalidError,
  VerificationCodeLockedError,
} from '@kassa/common';
import { Authenticated } from '../access/access.decorators';
import { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/current-user.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { AuthRateLimit } from '../rate-limit/auth-rate-limit.decorator';
import { toUserResponse, UserResponseDto } from '../users/dto/user-response.dto';
import { AccountService } from './account.service';
import { ChangePasswordDto, UpdateMeDto } from './dto/account.dto';
import { VerifyEmailChangeDto } from './dto/verification.dto';

/** The caller's own account. `POST /me` (a requirement route) answers like `GET /me`. */
@ApiTags('me')
@Authenticated()
@Controller('me')
export class MeController {
  constructor(private readonly account: AccountService) {}

  @Get()
  @ApiOperation({ summary: 'The current user' })
  @ApiOkResponse({ type: UserResponseDto })
  async get(@CurrentUser() caller: AuthUser): Promise<UserResponseDto> {
    return toUserResponse(await this.account.get(caller.id));
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'The current user (same as GET /me)' })
  @ApiOkResponse({ type: UserResponseDto })
  getMeByPost(@CurrentUser() caller: AuthUser): Promise<UserResponseDto> {
    return this.get(caller);
  }

  @Patch()
  @ApiOperation({
    summary: 'Change the username or request an email change',
    description:
      'A new username applies at once. A new email stays pending (see pendingEmail) until the code mailed to it is sent to POST /me/email/verification.',
  })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors(ValidationError, AlreadyExistsError, ResendTooSoonError, RateLimitedError)
  async update(
    @CurrentUser() caller: AuthUser,
    @Body() body: UpdateMeDto,
  ): Promise<UserResponseDto> {
    return toUserResponse(await this.account.update(caller.id, body));
  }

  @Post('email/verification')
  @HttpCode(200)
  @AuthRateLimit()
  @ApiOperation({
    summary: 'Confirm a pending email change with the code mailed to the new address',
  })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors(
    ValidationError,
    VerificationCodeInvalidError,
    VerificationCodeExpiredError,
    VerificationCodeLockedError,
    AlreadyExistsError,
    RateLimitedError,
  )
  async confirmEmail(
    @CurrentUser() caller: AuthUser,
    @Body() body: VerifyEmailChangeDto,
  ): Promise<UserResponseDto> {
    return toUserResponse(await this.account.confirmEmailChange(caller.id, body.code));
  }

  @Post('password')
  @HttpCode(204)
  @AuthRateLimit()
  @ApiOperation({
    summary: 'Change the password',
    description: 'Ends every session of the user, this one included: log in again afterwards.',
  })
  @ApiNoContentResponse({ description: 'Changed; all tokens of the user are revoked' })
  @ApiErrors(ValidationError, RateLimitedError)
  async changePassword(
    @CurrentUser() caller: AuthUser,
    @Body() body: ChangePasswordDto,
  ): Promise<void> {
    await this.account.changePassword(caller.id, body.currentPassword, body.newPassword);
  }
}
