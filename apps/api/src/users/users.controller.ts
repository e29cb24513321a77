import { Body, Controller, Delete, Get, HttpCode, Patch, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AlreadyExistsError,
  LastAdminError,
  ListQuery,
  NotFoundError,
  ValidationError,
} from '@kassa/common';
import { AdminOnly } from '../access/access.decorators';
import { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/current-user.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { ApiListQuery } from '../http/api-list-query.decorator';
import { IdParam } from '../http/id-param.decorator';
import { ListQueryParam } from '../http/list-query.param';
import { ReplaceUserDto, UpdateUserDto } from './dto/update-user.dto';
import { toUserPage, toUserResponse, UserPageDto, UserResponseDto } from './dto/user-response.dto';
import { USER_LIST_SPEC } from './users-list';
import { UsersService } from './users.service';

/** Admin management of accounts; `/user/:id` is the requirement's name for `/users/:id`. */
@ApiTags('users')
@AdminOnly()
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('users')
  @ApiOperation({ summary: 'List users (filter, sort, search, paginate)' })
  @ApiListQuery(USER_LIST_SPEC, {
    filter: { role: 'customer', status: 'active' },
    sort: '-createdAt,username',
  })
  @ApiOkResponse({ type: UserPageDto })
  @ApiErrors(ValidationError)
  async list(@ListQueryParam(USER_LIST_SPEC) query: ListQuery): Promise<UserPageDto> {
    return toUserPage(await this.users.list(query));
  }

  @Get(['users/:id', 'user/:id'])
  @ApiOperation({ summary: 'Get one user' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors(ValidationError, NotFoundError)
  async get(@IdParam() id: string): Promise<UserResponseDto> {
    return toUserResponse(await this.users.get(id));
  }

  @Put(['users/:id', 'user/:id'])
  @ApiOperation({
    summary: 'Replace the editable fields',
    description:
      "A role change or deactivation ends that user's sessions. Admins cannot raise their own role; the last active admin cannot be demoted or deactivated.",
  })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors(ValidationError, NotFoundError, AlreadyExistsError, LastAdminError)
  async replace(
    @CurrentUser() actor: AuthUser,
    @IdParam() id: string,
    @Body() body: ReplaceUserDto,
  ): Promise<UserResponseDto> {
    return toUserResponse(await this.users.update(actor, id, body));
  }

  @Patch(['users/:id', 'user/:id'])
  @ApiOperation({
    summary: 'Change some fields of a user',
    description:
      "A role change or deactivation ends that user's sessions. Admins cannot raise their own role; the last active admin cannot be demoted or deactivated.",
  })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors(ValidationError, NotFoundError, AlreadyExistsError, LastAdminError)
  async update(
    @CurrentUser() actor: AuthUser,
    @IdParam() id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserResponseDto> {
    return toUserResponse(await this.users.update(actor, id, body));
  }

  @Delete(['users/:id', 'user/:id'])
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a user (the last active admin cannot be deleted)' })
  @ApiNoContentResponse({ description: 'Deleted; their tokens stop working' })
  @ApiErrors(ValidationError, NotFoundError, LastAdminError)
  async delete(@IdParam() id: string): Promise<void> {
    await this.users.delete(id);
  }
}
