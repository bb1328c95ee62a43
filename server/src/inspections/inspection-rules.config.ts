import { Inject, Injectable } from '@nestjs/common';
import { CutoffRule } from '@utility/shared';
import { APP_CONFIG, AppConfig } from '../common/config';

/** The operator's inspection settings, read once from the validated config. */
@Injectable()
export class InspectionSettings {
  readonly cutoff: CutoffRule;
  readonly bookingDays: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.cutoff = { daysBefore: config.INSPECTION_CUTOFF_DAYS_BEFORE, hour: config.INSPECTION_CUTOFF_HOUR };
    this.bookingDays = config.INSPECTION_BOOKING_DAYS;
  }
}
