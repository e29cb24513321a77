import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
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
} from '../http/api-errors.decorator';
import { ApiListQuery } from '../http/api-list-query.decorator';
import { ReplaceUserDto, UpdateUserDto } from './dto/update-user.dto';
import { UserIdParamsDto } from './dto/user-id-params.dto';
import { toUserPage, toUserResponse, UserPageDto, UserResponseDto } from './dto/user-response.dto';
import { Role } from './role';
import { USER_LIST_SPEC } from './users-list';
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
  @ApiListQuery(USER_LIST_SPEC, {
    filter: { role: 'customer', status: { in: 'active,unverified' } },
    sort: '-createdAt,username',
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
