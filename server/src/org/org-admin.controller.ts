import { Controller, Get, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DistrictPatchSchema,
  DistrictRequest,
  DistrictSchema,
  DistrictView,
  Role,
  StationPatchSchema,
  StationRequest,
  StationSchema,
  StationView,
} from '@utility/shared';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { IdParam } from '../common/id-param';
import { StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { OrgService } from './org.service';

/** Districts and stations (docs/domain.md#organisation); every change is in the admins' change log. */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles(Role.Admin)
@Controller('api/admin')
export class OrgAdminController {
  constructor(private readonly org: OrgService) {}

  @Get('districts')
  districts(): Promise<DistrictView[]> {
    return this.org.districtViews();
  }

  @Post('districts')
  @ApiOperation({ summary: 'Create a district (片区)' })
  @ApiZodBody(DistrictSchema)
  createDistrict(@CurrentStaff() me: StaffPrincipal, @ZodBody(DistrictSchema) body: DistrictRequest) {
    return this.org.createDistrict(me, body);
  }

  @Patch('districts/:id')
  @ApiZodBody(DistrictPatchSchema)
  updateDistrict(
    @CurrentStaff() me: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(DistrictPatchSchema) body: Partial<DistrictRequest>,
  ) {
    return this.org.updateDistrict(me, id, body);
  }

  @Get('stations')
  stations(): Promise<StationView[]> {
    return this.org.stationViews();
  }

  @Post('stations')
  @ApiOperation({ summary: 'Create a station (供热站 / 营业所) supplying gas, heating or power' })
  @ApiZodBody(StationSchema)
  createStation(@CurrentStaff() me: StaffPrincipal, @ZodBody(StationSchema) body: StationRequest) {
    return this.org.createStation(me, body);
  }

  @Patch('stations/:id')
  @ApiZodBody(StationPatchSchema)
  updateStation(
    @CurrentStaff() me: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(StationPatchSchema) body: Partial<StationRequest>,
  ) {
    return this.org.updateStation(me, id, body);
  }
}
