import { Controller, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, ImportReport, ReadingView, Role, StaffReadingSchema } from '@utility/shared';
import { z } from 'zod';
import { AccountsService } from '../accounts/accounts.service';
import { AppError, forbidden } from '../common/app-error';
import { mayImportReadings } from '../common/staff-permissions';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { Db } from '../common/db';
import { AcceptsImportFile, ImportBody, ImportFile } from '../common/import-body';
import { StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { MeterReadingsService } from './meter-readings.service';
import { ReadingImportService } from './reading-import.service';
import { toReadingView } from './reading-view';

@ApiTags('billing')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles(Role.Agent, Role.Technician, Role.Inspector)
@Controller('api/staff/meter-readings')
export class MeterReadingsController {
  constructor(
    private readonly readings: MeterReadingsService,
    private readonly importer: ReadingImportService,
    private readonly accounts: AccountsService,
    private readonly db: Db,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      "Field staff and billing agents record a reading of their district's account, dated after the last billed one; one below the last or far above usual use is held and a billing ticket opened; a 峰谷 power meter's peak and valley registers (both, summing to the total; 422 on another utility)",
  })
  @ApiZodBody(StaffReadingSchema)
  async record(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodBody(StaffReadingSchema) body: z.output<typeof StaffReadingSchema>,
  ): Promise<ReadingView> {
    const account = await this.accounts.findByNo(body.accountNo);
    if (!account) throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.AccountNotFound);
    await this.readings.assertMayRecord(staff, account);
    const reading = await this.db.transaction(() =>
      this.readings.record({
        account,
        readOn: body.readOn,
        valueCentiM3: body.value,
        peakCentiKwh: body.peak ?? null,
        valleyCentiKwh: body.valley ?? null,
        source: 'staff',
        recordedById: staff.id,
      }),
    );
    return toReadingView(reading, account.accountNo);
  }

  @Post('import')
  @Roles(Role.Agent)
  @ApiOperation({
    summary:
      "Billing agents import a CSV (accountNo,readOn,value) of their districts' accounts: all rows or none, with a report of each bad row",
  })
  // Read only once the guards have let the caller in, up to IMPORT_MAX_BYTES (common/import-body.ts).
  @AcceptsImportFile('csv')
  async import(@CurrentStaff() staff: StaffPrincipal, @ImportFile() file: ImportBody): Promise<ImportReport> {
    const csv = await file.text();
    if (!csv.trim()) {
      throw new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, '请上传 text/csv 格式的抄表文件');
    }
    if (!mayImportReadings(staff)) throw forbidden();
    return this.importer.import(csv, staff.id, await this.readings.districtsReadBy(staff));
  }
}
