import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Role, StaffInvoiceFilter, StaffInvoiceFilterSchema, StaffInvoiceView } from '@utility/shared';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { StaffPrincipal } from '../common/principal';
import { ZodPipe } from '../common/zod-body';
import { StaffInvoicesService } from './staff-invoices.service';

@ApiTags('invoices')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Controller('api/staff/invoices')
export class StaffInvoicesController {
  constructor(private readonly invoices: StaffInvoicesService) {}

  @Get()
  @Roles(Role.Agent, Role.Supervisor)
  @ApiOperation({ summary: "Billing staff: their district's e-invoices, newest first (at most 200)" })
  @ApiQuery({ name: 'status', required: false, enum: ['issuing', 'issued', 'reversing', 'reversed'] })
  @ApiQuery({ name: 'accountNo', required: false })
  @ApiQuery({ name: 'from', required: false, description: 'requested on or after (YYYY-MM-DD, Shanghai)' })
  @ApiQuery({ name: 'to', required: false, description: 'requested on or before (YYYY-MM-DD, Shanghai)' })
  list(
    @CurrentStaff() staff: StaffPrincipal,
    @Query(new ZodPipe(StaffInvoiceFilterSchema)) filter: StaffInvoiceFilter,
  ): Promise<StaffInvoiceView[]> {
    return this.invoices.list(staff, filter);
  }
}
