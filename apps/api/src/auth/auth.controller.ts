import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AccountNotVerifiedError,
  AlreadyExistsError,
  CsrfTokenInvalidError,
  InvalidCredentialsError,
  RateLimitedError,
  ResendTooSoonError,
  UnauthenticatedError,
  ValidationError,
  VerificationCodeExpiredError,
  VerificationCodeInvalidError,
  VerificationCodeLockedError,
} from '@kassa/common';
import { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/current-user.decorator';
import { Public } from '../access/public.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { AuthRateLimit } from '../rate-limit/auth-rate-limit.decorator';
import { UserStatus } from '../users/user-status';
import { LoginDto } from './dto/login.dto';
import { RefreshTokenDto } from './dto/refresh.dto';
import { RegisterDto, RegisterResponseDto } from './dto/register.dto';
import { toTokenResponse, TokenResponseDto } from './dto/token-response.dto';
import {
  ForgotPasswordDto,
  PasswordResetResponseDto,
  ResendCodeDto,
  ResendResponseDto,
  ResetPasswordDto,
  VerifyEmailDto,
  VerifyResponseDto,
} from './dto/verification.dto';
import { PasswordResetService } from './password-reset.service';
import { RegistrationService } from './registration.service';
import { SessionCookieCredentials, SessionCookieWriter } from './sessions/session-cookies';
import { CookieCredentials } from './sessions/session-tokens';
import { SessionService } from './sessions/session.service';
const CODE_REJECTIONS = [
  VerificationCodeInvalidError,
  VerificationCodeExpiredError,
  VerificationCodeLockedError,
];

const CSRF_HEADER_DOC = {
  name: 'X-CSRF-Token',
  required: false,
  description:
    'Required when the refresh token comes from the kassa_refresh cookie: the kassa_csrf cookie value',
};

/**
 * Registration, verification and sessions, all under the strict auth rate limit. The requirement's route names (`/registration`,
 * `/verification`, `/authentication`, `/access`, `/refresh`) are served by the same handlers.
 */
@ApiTags('auth')
@Public()
@AuthRateLimit()
@ApiErrors(RateLimitedError)
@Controller()
export class AuthController {
  constructor(
    private readonly registration: RegistrationService,
    private readonly passwordReset: PasswordResetService,
    private readonly sessions: SessionService,
    private readonly cookies: SessionCookieWriter,
  ) {}

  @Post(['auth/register', 'registration'])
  @ApiOperation({
    summary: 'Register an account',
    description: 'Creates an unverified customer account and mails a 6-digit code to the address.',
  })
  @ApiCreatedResponse({ type: RegisterResponseDto })
  @ApiErrors(ValidationError, AlreadyExistsError)
  async register(@Body() body: RegisterDto): Promise<RegisterResponseDto> {
    const user = await this.registration.register(body);
    return { id: user._id, username: user.username, email: user.email, status: user.status };
  }

  @Post(['auth/verify', 'verification'])
  @HttpCode(200)
  @ApiOperation({
    summary: 'Verify an email address with the mailed code',
    description:
      'Codes live VERIFICATION_CODE_TTL (15 minutes by default) and allow ' +
      'VERIFICATION_CODE_MAX_ATTEMPTS (5) attempts; then ask for a new one.',
  })
  @ApiOkResponse({ type: VerifyResponseDto })
  @ApiErrors(ValidationError, ...CODE_REJECTIONS)
  async verify(@Body() body: VerifyEmailDto): Promise<VerifyResponseDto> {
    await this.registration.verify(body.email, body.code);
    return { status: UserStatus.Active };
  }

  @Post('auth/verify/resend')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Mail a new verification code',
    description:
      'Replaces the previous code. Unknown addresses get the same 202; an address awaiting ' +
      'verification gets 429 RESEND_TOO_SOON within the cool-down.',
  })
  @ApiAcceptedResponse({ type: ResendResponseDto })
  @ApiErrors(ValidationError, ResendTooSoonError, RateLimitedError)
  async resend(@Body() body: ResendCodeDto): Promise<ResendResponseDto> {
    await this.registration.resend(body.email);
    return { status: 'sent' };
  }

  @Post('auth/password/forgot')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for a password reset code',
    description:
      'Mails a single-use code (15 minutes, 5 attempts) to the account with this address. The ' +
      'answer is the same whether or not the address is registered.',
  })
  @ApiAcceptedResponse({ type: ResendResponseDto })
  @ApiErrors(ValidationError, RateLimitedError)
  async forgotPassword(@Body() body: ForgotPasswordDto): Promise<ResendResponseDto> {
    await this.passwordReset.requestReset(body.email);
    return { status: 'sent' };
  }

  @Post('auth/password/reset')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Set a new password with the mailed reset code',
    description: 'Every session of the account ends: log in again with the new password.',
  })
  @ApiOkResponse({ type: PasswordResetResponseDto })
  @ApiErrors(ValidationError, ...CODE_REJECTIONS)
  async resetPassword(@Body() body: ResetPasswordDto): Promise<PasswordResetResponseDto> {
    await this.passwordReset.reset(body.email, body.code, body.newPassword);
    return { status: 'password_reset' };
  }

  @Post(['auth/login', 'authentication', 'access'])
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in with username or email and password',
    description:
      'Answers the tokens and also sets the kassa_refresh (httpOnly) and kassa_csrf cookies.',
  })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiErrors(ValidationError, InvalidCredentialsError, AccountNotVerifiedError)
  async login(
    @Body() body: LoginDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponseDto> {
    const tokens = await this.sessions.login(body);
    this.cookies.write(reply, tokens);
    return toTokenResponse(tokens);
  }

  @Post(['auth/refresh', 'refresh'])
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for new tokens',
    description:
      'The refresh token is rotated: the old one stops working, and presenting it again revokes the whole session.',
  })
  @ApiHeader(CSRF_HEADER_DOC)
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiErrors(ValidationError, UnauthenticatedError, CsrfTokenInvalidError)
  async refresh(
    @Body() body: RefreshTokenDto,
    @SessionCookieCredentials() cookies: CookieCredentials,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponseDto> {
    const tokens = await this.sessions.refresh(body.refreshToken, cookies);
    this.cookies.write(reply, tokens);
    return toTokenResponse(tokens);
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Log out',
    description:
      'Ends the session: its refresh token and every access token issued in it stop working. Takes the access token, a refresh token in the body, or the cookie.',
  })
  @ApiHeader(CSRF_HEADER_DOC)
  @ApiNoContentResponse({ description: 'Logged out; the session cookies are cleared' })
  @ApiErrors(ValidationError, UnauthenticatedError, CsrfTokenInvalidError)
  async logout(
    @CurrentUser() caller: AuthUser | undefined,
    @Body() body: RefreshTokenDto,
    @SessionCookieCredentials() cookies: CookieCredentials,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.sessions.logout({ caller, refreshToken: body.refreshToken, cookies });
    this.cookies.clear(reply);
  }
}
