import { Controller, Get, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PriceListSchema, PriceListView, RepairPriceItem, Role } from '@utility/shared';
import { z } from 'zod';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { PriceListService } from './price-list.service';

/** The repair price list: kept by the operator, read by the technician's quote form (docs/domain.md#charges). */
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Controller('api')
export class PriceListController {
  constructor(private readonly priceList: PriceListService) {}

  @Get('admin/price-list')
  @ApiTags('admin')
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'The price list: items in integer fen, retired ones too, each saying whether a quote named it',
  })
  get(): Promise<PriceListView> {
    return this.priceList.view();
  }

  @Put('admin/price-list')
  @ApiTags('admin')
  @Roles(Role.Admin)
  @ApiOperation({
    summary:
      'Replace the price list (codes unique, integer fen); an item left out is deleted, 409 PRICE_ITEM_IN_USE if a quote named it (retire it instead)',
  })
  @ApiZodBody(PriceListSchema)
  replace(
    @CurrentStaff() me: StaffPrincipal,
    @ZodBody(PriceListSchema) body: z.output<typeof PriceListSchema>,
  ): Promise<PriceListView> {
    return this.priceList.replace(me, body);
  }

  @Get('field/price-list')
  @ApiTags('field')
  @Roles(Role.Technician, Role.Admin)
  @ApiOperation({ summary: 'What a technician may quote now (the items not retired), in the form’s order' })
  quotable(): Promise<RepairPriceItem[]> {
    return this.priceList.quotable();
  }
}
