import { Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  ACCOUNT_IMPORT_COLUMNS,
  AdminAccountPage,
  AdminAccountPatch,
  AdminAccountPatchSchema,
  AdminAccountSearchSchema,
  AdminAccountView,
  ImportJobView,
  Role,
} from '@utility/shared';
import { z } from 'zod';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { AcceptsImportFile, ImportBody, ImportFile } from '../common/import-body';
import { StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody, ZodPipe } from '../common/zod-body';
import { AccountImportService } from './account-import.service';
import { AdminAccountsService } from './admin-accounts.service';
import { receiveImportUpload } from './import-upload';

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles(Role.Admin)
@Controller('api/admin')
export class CustomerMasterController {
  constructor(
    private readonly importer: AccountImportService,
    private readonly accounts: AdminAccountsService,
  ) {}

  @Post('accounts/import')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Import the customer master (CSV or XLSX, first sheet): 202 {jobId}; all lines or none, re-import updates by 户号',
  })
  @ApiBody({
    schema: {
      type: 'string',
      example: `${ACCOUNT_IMPORT_COLUMNS.map((c) => c.header).join(',')}\n9200000001,张三,城东区幸福路1号,供热,城东片区,东城供热站,M-0001,85.5,居民,否,后付费,13812345678`,
    },
  })
  @AcceptsImportFile('csv', 'xlsx')
  async import(@CurrentStaff() staff: StaffPrincipal, @ImportFile() file: ImportBody): Promise<{ jobId: string }> {
    const upload = await receiveImportUpload(file);
    return { jobId: await this.importer.start(staff, upload) };
  }

  @Get('imports/:jobId')
  @ApiOperation({ summary: "An import's progress and, if refused, its line-by-line report" })
  importJob(@Param('jobId') jobId: string): Promise<ImportJobView> {
    return this.importer.view(jobId);
  }

  @Get('accounts')
  @ApiOperation({ summary: 'Accounts by 户号 prefix, or a fragment of the holder or address; paged' })
  @ApiQuery({ name: 'q', required: false, type: String })
  @ApiQuery({ name: 'page', required: false, type: Number })
  @ApiQuery({ name: 'pageSize', required: false, type: Number, description: '1–100, default 20' })
  search(
    @Query(new ZodPipe(AdminAccountSearchSchema)) query: z.infer<typeof AdminAccountSearchSchema>,
  ): Promise<AdminAccountPage> {
    return this.accounts.search(query.q, query.page, query.pageSize);
  }

  @Get('accounts/:accountNo')
  @ApiOperation({ summary: 'One account in full (phone masked), with its former holders' })
  view(@Param('accountNo') accountNo: string): Promise<AdminAccountView> {
    return this.accounts.view(accountNo);
  }

  @Patch('accounts/:accountNo')
  @ApiOperation({
    summary: 'Edit an account; a new holder is a 过户 (history kept, bindings ended); active: false deactivates',
  })
  @ApiZodBody(AdminAccountPatchSchema)
  edit(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('accountNo') accountNo: string,
    @ZodBody(AdminAccountPatchSchema) patch: AdminAccountPatch,
  ): Promise<AdminAccountView> {
    return this.accounts.edit(staff, accountNo, patch);
  }

  @Post('accounts/:accountNo/reveal-phone')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "The account's full 预留手机号; every reveal is logged" })
  revealPhone(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('accountNo') accountNo: string,
  ): Promise<{ phone: string | null }> {
    return this.accounts.revealPhone(staff, accountNo);
  }
}
