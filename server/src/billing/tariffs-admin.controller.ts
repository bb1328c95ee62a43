import { Controller, Get, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, TariffPatchSchema, TariffRequest, TariffSchema, TariffView } from '@utility/shared';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { IdParam } from '../common/id-param';
import { StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { TariffsService } from './tariffs.service';

/** Price lists per district and effective date: gas tiers, heating per m² and season, power tiers. */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles(Role.Admin)
@Controller('api/admin/tariffs')
export class TariffsAdminController {
  constructor(private readonly tariffs: TariffsService) {}

  @Get()
  list(): Promise<TariffView[]> {
    return this.tariffs.views();
  }

  @Post()
  @ApiOperation({
    summary: 'Add a price list from a date (gas or power: three annual tiers; heating: season and fen/m²)',
  })
  @ApiZodBody(TariffSchema)
  create(@CurrentStaff() me: StaffPrincipal, @ZodBody(TariffSchema) body: TariffRequest): Promise<TariffView> {
    return this.tariffs.create(me, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a price list (its kind stays); the result is checked as a new one' })
  @ApiZodBody(TariffPatchSchema)
  update(
    @CurrentStaff() me: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(TariffPatchSchema) body: Record<string, unknown>,
  ): Promise<TariffView> {
    return this.tariffs.update(me, id, body);
  }
}
