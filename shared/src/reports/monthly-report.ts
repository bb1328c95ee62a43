import { hazardsFoundAndClosed } from './hazard-sections';
import { returnVisitCoverage, satisfaction } from './feedback-sections';
import { outagesOfMonth } from './outage-sections';
import { paymentsAndArrears } from './payment-sections';
import { MonthlyReportFacts, ReportWindow } from './report-facts';
import { MonthlyReportFigures } from './report-types';
import { perStaff } from './staff-sections';
import { byChannel, complaintResolution, onTimeRateByClock, ticketsByTypeAndDistrict } from './ticket-sections';

/** The whole month from its facts: one section function per figure of the report (docs/domain.md#monthly-report). */
export function computeMonthlyReport(facts: MonthlyReportFacts, w: ReportWindow): MonthlyReportFigures {
  return {
    districts: facts.districts.map((d) => ({ id: d.id, name: d.name })),
    tickets: ticketsByTypeAndDistrict(facts, w),
    onTime: onTimeRateByClock(facts, w),
    complaints: complaintResolution(facts, w),
    satisfaction: satisfaction(facts, w),
    returnVisits: returnVisitCoverage(facts, w),
    hazards: hazardsFoundAndClosed(facts, w),
    payments: paymentsAndArrears(facts, w),
    staff: perStaff(facts, w),
    channels: byChannel(facts, w),
    outages: outagesOfMonth(facts, w),
  };
}
