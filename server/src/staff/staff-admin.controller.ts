import { Controller, Get, HttpCode, HttpStatus, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateStaffSchema,
  CreatedStaffResponse,
  PasswordResetResponse,
  Role,
  StaffAccountView,
  StaffFormOptions,
  UpdateStaffRequest,
  UpdateStaffSchema,
} from '@utility/shared';
import { z } from 'zod';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { IdParam } from '../common/id-param';
import { StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { StaffAccounts } from './staff-accounts.service';

/** The operator's console: staff accounts (issue 13), admins only. */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles(Role.Admin)
@Controller('api/admin/staff')
export class StaffAdminController {
  constructor(private readonly accounts: StaffAccounts) {}

  @Post()
  @ApiOperation({ summary: 'Create a staff member; the one-time initial password is in this answer only' })
  @ApiZodBody(CreateStaffSchema)
  create(
    @CurrentStaff() admin: StaffPrincipal,
    @ZodBody(CreateStaffSchema) body: z.output<typeof CreateStaffSchema>,
  ): Promise<CreatedStaffResponse> {
    return this.accounts.create(admin, body);
  }

  @Get()
  @ApiOperation({ summary: 'Every staff member, disabled ones included, work phones masked' })
  list(): Promise<StaffAccountView[]> {
    return this.accounts.list();
  }

  @Get('options')
  @ApiOperation({ summary: 'Districts and queues a staff member can be given' })
  options(): Promise<StaffFormOptions> {
    return this.accounts.options();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One staff member' })
  get(@IdParam() id: number): Promise<StaffAccountView> {
    return this.accounts.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change name, employee number, phone, roles, district, queues or WeCom id' })
  @ApiZodBody(UpdateStaffSchema)
  update(
    @CurrentStaff() admin: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(UpdateStaffSchema) body: UpdateStaffRequest,
  ): Promise<StaffAccountView> {
    return this.accounts.update(admin, id, body);
  }

  @Post(':id/disable')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Disable: sign-in refused, every session ends within a second' })
  disable(@CurrentStaff() admin: StaffPrincipal, @IdParam() id: number): Promise<StaffAccountView> {
    return this.accounts.disable(admin, id);
  }

  @Post(':id/enable')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Enable a disabled staff member again' })
  enable(@CurrentStaff() admin: StaffPrincipal, @IdParam() id: number): Promise<StaffAccountView> {
    return this.accounts.enable(admin, id);
  }

  @Post(':id/reset-password')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'A new one-time password (in this answer only); every session ends' })
  resetPassword(@CurrentStaff() admin: StaffPrincipal, @IdParam() id: number): Promise<PasswordResetResponse> {
    return this.accounts.resetPassword(admin, id);
  }
}
