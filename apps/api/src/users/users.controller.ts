import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { Roles } from '../auth/decorators/roles.decorator';
import {
  ALREADY_EXISTS,
  ApiErrors,
  FORBIDDEN,
  NOT_FOUND,
  UNAUTHENTICATED,
  VALIDATION_FAILED,
} from '../auth/swagger/api-errors.decorator';
import { ReplaceUserDto, UpdateUserDto } from './dto/update-user.dto';
import { UserIdParamsDto } from './dto/user-id-params.dto';
import { toUserPage, toUserResponse, UserPageDto, UserResponseDto } from './dto/user-response.dto';
import { Role } from './role';
import { UsersService } from './users.service';

const LAST_ADMIN = {
  status: 409,
  code: 'LAST_ADMIN',
  message: 'The last active admin cannot be demoted, deactivated or deleted',
};

/** Admin management of accounts; `/user/:id` is the requirement's name for `/users/:id`. */
@ApiTags('users')
@ApiBearerAuth()
@ApiErrors(UNAUTHENTICATED, { ...FORBIDDEN, message: 'This route requires one of: admin' })
@Roles(Role.Admin)
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('users')
  @ApiOperation({ summary: 'List users (filter, sort, search, paginate)' })
  @ApiQuery({ name: 'page', required: false, example: 1 })
  @ApiQuery({ name: 'limit', required: false, example: 20, description: '1-100' })
  @ApiQuery({
    name: 'sort',
    required: false,
    example: '-createdAt,username',
    description:
      'Comma list of username, email, role, status, createdAt, updatedAt; - for descending',
  })
  @ApiQuery({ name: 'search', required: false, example: 'ada', description: 'Username or email' })
  @ApiQuery({
    name: 'filter',
    required: false,
    style: 'deepObject',
    explode: true,
    type: 'object',
    example: { role: 'customer', status: { in: 'active,unverified' } },
    description:
      'filter[field]=v or filter[field][eq|ne|gt|gte|lt|lte|in]=v on username, email, role, status, createdAt, updatedAt',
  })
  @ApiOkResponse({ type: UserPageDto })
  @ApiErrors(VALIDATION_FAILED)
  async list(@Query() query: Record<string, unknown>): Promise<UserPageDto> {
    return toUserPage(await this.users.list(query));
  }

  @Get(['users/:id', 'user/:id'])
  @ApiOperation({ summary: 'Get one user' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors(VALIDATION_FAILED, NOT_FOUND)
  async get(@Param() params: UserIdParamsDto): Promise<UserResponseDto> {
    return toUserResponse(await this.users.get(params.id));
  }

  @Put(['users/:id', 'user/:id'])
  @ApiOperation({
    summary: 'Replace the editable fields',
    description:
      "A role change or deactivation ends that user's sessions. Admins cannot raise their own role; the last active admin cannot be demoted or deactivated.",
  })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors(VALIDATION_FAILED, NOT_FOUND, ALREADY_EXISTS, LAST_ADMIN)
  async replace(
    @CurrentUser() actor: AuthUser,
    @Param() params: UserIdParamsDto,
    @Body() body: ReplaceUserDto,
  ): Promise<UserResponseDto> {
    return toUserResponse(await this.users.update(actor, params.id, body));
  }

  @Patch(['users/:id', 'user/:id'])
  @ApiOperation({
    summary: 'Change some fields of a user',
    description:
      "A role change or deactivation ends that user's sessions. Admins cannot raise their own role; the last active admin cannot be demoted or deactivated.",
  })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors(VALIDATION_FAILED, NOT_FOUND, ALREADY_EXISTS, LAST_ADMIN)
  async update(
    @CurrentUser() actor: AuthUser,
    @Param() params: UserIdParamsDto,
    @Body() body: UpdateUserDto,
  ): Promise<UserResponseDto> {
    return toUserResponse(await this.users.update(actor, params.id, body));
  }

  @Delete(['users/:id', 'user/:id'])
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a user (the last active admin cannot be deleted)' })
  @ApiNoContentResponse({ description: 'Deleted; their tokens stop working' })
  @ApiErrors(VALIDATION_FAILED, NOT_FOUND, LAST_ADMIN)
  async delete(@Param() params: UserIdParamsDto): Promise<void> {
    await this.users.delete(params.id);
  }
}
