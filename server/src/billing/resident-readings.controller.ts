import { Controller, Headers, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ResidentReadingSchema, TrialBillView, shanghaiDate } from '@utility/shared';
import { z } from 'zod';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { IdParam } from '../common/id-param';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { ResidentPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { CurrentResident, ResidentGuard } from '../residents/resident.guard';
import { UploadsService } from '../uploads/uploads.service';
import { MeterReading } from './meter-reading.entity';
import { MeterReadingsService } from './meter-readings.service';
import { TrialBillService } from './trial-bill.service';

/** 自助抄表: the resident reads their own meter with a photo of the dial and sees a trial bill. */
@ApiTags('billing')
@ApiBearerAuth()
@UseGuards(ResidentGuard)
@Controller('api/accounts/:id/readings')
export class ResidentReadingsController {
  constructor(
    private readonly bindings: AccountBindingsService,
    private readonly accounts: AccountsService,
    private readonly readings: MeterReadingsService,
    private readonly uploads: UploadsService,
    private readonly trial: TrialBillService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  @Post()
  @ApiOperation({ summary: "Record today's reading with a photo; a suspicious one is held for staff to check" })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiZodBody(ResidentReadingSchema)
  async record(
    @CurrentResident() me: ResidentPrincipal,
    @IdParam() id: number,
    @ZodBody(ResidentReadingSchema) body: z.output<typeof ResidentReadingSchema>,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<TrialBillView> {
    await this.bindings.assertBound(me.id, id);
    const account = (await this.accounts.findById(id))!;
    const { resourceId } = await this.idempotency.create(`resident:${me.id}`, key, 'reading', body, async () => {
      const reading = await this.readings.record({
        account,
        readOn: shanghaiDate(this.clock.now()),
        valueCentiM3: body.value,
        source: 'resident',
        photoId: body.photoId,
      });
      await this.uploads.claim([body.photoId], { kind: 'resident', id: me.id }, `reading:${reading.id}`, 1);
      return reading.id;
    });
    const reading = await this.readings.findById(resourceId);
    return this.trial.trial(account, reading as MeterReading);
  }
}
