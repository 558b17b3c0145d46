import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Authenticated, BodyAfter, CurrentUser, ROLE_IS_ENOUGH } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';

import { PageDto } from '../catalogue/catalogue.dto';
import { CreateStaffRequest, UpdateUserRequest, UserQuery } from './staff.dto';
import { StaffService } from './staff.service';
import { UserDto } from './user.dto';
import { IdParam } from '../id-param';
import { ApiPageResponse } from '../openapi/api-responses.decorator';
import { ApiErrors } from '../openapi/api-errors.decorator';

@ApiTags('admin')
@Controller('api/admin/users')
@Authenticated({ roles: ['admin'] })
export class AdminUsersController {
  public constructor(private readonly staff: StaffService) {}

  @ApiOperation({ summary: 'List staff and citizen accounts' })
  @ApiPageResponse(UserDto)
  @Get()
  public list(@Query() query: UserQuery): Promise<PageDto<UserDto>> {
    return this.staff.list(query);
  }

  @ApiOperation({ summary: 'Create a staff account' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiErrors(409)
  @Post()
  public create(@CurrentUser() admin: AuthenticatedUser, @Body() body: CreateStaffRequest): Promise<UserDto> {
    return this.staff.create(admin, body);
  }

  @ApiOperation({ summary: 'Read an account' })
  @ApiOkResponse({ type: UserDto })
  @Get(':id')
  public get(@IdParam() id: string): Promise<UserDto> {
    return this.staff.get(id);
  }

  @ApiOperation({ summary: 'Change an account’s role, agency or state' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(409)
  @Patch(':id')
  @BodyAfter(ROLE_IS_ENOUGH)
  public update(
    @CurrentUser() admin: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: UpdateUserRequest,
  ): Promise<UserDto> {
    return this.staff.update(admin, id, body);
  }
}
