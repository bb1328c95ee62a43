import { StaffNotification } from '../staff-notices/staff-notification.entity';
import { OncallPage } from '../tickets/oncall-page.entity';
import { UnclaimedAlert } from '../tickets/unclaimed-alert.entity';
import { Account } from '../accounts/account.entity';
import { AccountHolderHistory } from '../accounts/account-holder-history.entity';
import { ImportJob } from '../customer-master/import-job.entity';
import { PersonalDataAccess } from '../audit/personal-data-access.entity';
import { AdminChange } from '../audit/admin-change.entity';
import { AccountYearVolume } from '../billing/account-year-volume.entity';
import { Bill } from '../billing/bill.entity';
import { MeterReading } from '../billing/meter-reading.entity';
import { Tariff } from '../billing/tariff.entity';
import { PaymentNotice } from '../payments/payment-notice.entity';
import { PaymentOrder } from '../payments/payment-order.entity';
import { PrepaidEntry } from '../prepaid/prepaid-entry.entity';
import { TopUp } from '../prepaid/top-up.entity';
import { AccountLookup } from '../payments/account-lookup.entity';
import { StopSupplyCase } from '../arrears/stop-supply-case.entity';
import { ReconciliationRun } from '../payments/reconciliation-run.entity';
import { ReconciliationMismatch } from '../payments/reconciliation-mismatch.entity';
import { Refund } from '../payments/refund.entity';
import { NoticeCursor } from '../notifications/notice-cursor.entity';
import { Notice } from '../notifications/notice.entity';
import { SubscriptionConsent } from '../notifications/subscription-consent.entity';
import { AccountBinding } from '../residents/account-binding.entity';
import { BindAttempt } from '../residents/bind-attempt.entity';
import { EndedBinding } from '../residents/ended-binding.entity';
import { Resident } from '../residents/resident.entity';
import { EmergencyAlarm } from '../repairs/emergency-alarm.entity';
import { PriceListItem } from '../repairs/price-list-item.entity';
import { RepairQuote } from '../repairs/repair-quote.entity';
import { RepairRequest } from '../repairs/repair-request.entity';
import { RepairResult } from '../repairs/repair-result.entity';
import { RoomTemperatureReading } from '../repairs/room-temperature-reading.entity';
import { IdempotencyRecord } from '../common/idempotency/idempotency-record.entity';
import { District } from '../org/district.entity';
import { Station } from '../org/station.entity';
import { OrgVersionRow } from '../org/org-version.entity';
import { Shift } from '../rota/shift.entity';
import { ShiftMember } from '../rota/shift-member.entity';
import { QueueMember } from '../queues/queue-member.entity';
import { Queue } from '../queues/queue.entity';
import { RoutingRuleRow } from '../queues/routing-rule.entity';
import { CalendarDay } from '../sla/calendar-day.entity';
import { SlaPolicy } from '../sla/sla-policy.entity';
import { StaffLoginFailure } from '../staff/login-failure.entity';
import { Staff } from '../staff/staff.entity';
import { SlaBreach } from '../tickets/sla-breach.entity';
import { TicketClock } from '../tickets/ticket-clock.entity';
import { TicketEvent } from '../tickets/ticket-event.entity';
import { Ticket } from '../tickets/ticket.entity';
import { Hazard } from '../inspections/hazard.entity';
import { InspectionBooking } from '../inspections/inspection-booking.entity';
import { InspectionPlan } from '../inspections/inspection-plan.entity';
import { InspectionSlot } from '../inspections/inspection-slot.entity';
import { InspectionVisit } from '../inspections/inspection-visit.entity';
import { UploadAllowance } from '../uploads/upload-allowance.entity';
import { Upload } from '../uploads/upload.entity';
import { BusinessApplication } from '../applications/business-application.entity';
import { ComplaintCase } from '../complaints/complaint-case.entity';
import { Compensation } from '../complaints/compensation.entity';
import { ResidentRequest } from '../complaints/resident-request.entity';
import { DisasterPeriod } from '../feedback/disaster-period.entity';
import { FeedbackCursor } from '../feedback/feedback-cursor.entity';
import { Rating } from '../feedback/rating.entity';
import { ReturnVisitAttempt } from '../feedback/return-visit-attempt.entity';
import { ReturnVisit } from '../feedback/return-visit.entity';
import { ReturnVisitPolicyRow } from '../feedback/return-visit-policy.entity';
import { MonthlyReport } from '../reports/monthly-report.entity';
import { Outage } from '../outages/outage.entity';
import { OutageAccount } from '../outages/outage-account.entity';
import { OutageTicket } from '../outages/outage-ticket.entity';
import { OutageAnnouncement } from '../outages/outage-announcement.entity';
import { Incident } from '../incidents/incident.entity';
import { IncidentTicket } from '../incidents/incident-ticket.entity';
import { IncidentEvent } from '../incidents/incident-event.entity';
import { KnowledgeArticle } from '../knowledge/knowledge-article.entity';
import { ServiceOutlet } from '../knowledge/service-outlet.entity';
import { Invoice } from '../invoices/invoice.entity';

export const ENTITIES = [
  District,
  Station,
  OrgVersionRow,
  Shift,
  ShiftMember,
  Account,
  AccountHolderHistory,
  ImportJob,
  Staff,
  StaffLoginFailure,
  Queue,
  QueueMember,
  RoutingRuleRow,
  SlaPolicy,
  CalendarDay,
  Ticket,
  TicketEvent,
  TicketClock,
  SlaBreach,
  IdempotencyRecord,
  PersonalDataAccess,
  AdminChange,
  Resident,
  AccountBinding,
  BindAttempt,
  EndedBinding,
  Notice,
  NoticeCursor,
  SubscriptionConsent,
  Tariff,
  MeterReading,
  Bill,
  AccountYearVolume,
  PaymentOrder,
  TopUp,
  PrepaidEntry,
  PaymentNotice,
  Refund,
  ReconciliationMismatch,
  ReconciliationRun,
  AccountLookup,
  StopSupplyCase,
  Upload,
  UploadAllowance,
  RepairRequest,
  RepairQuote,
  PriceListItem,
  EmergencyAlarm,
  RepairResult,
  RoomTemperatureReading,
  ResidentRequest,
  ComplaintCase,
  Compensation,
  BusinessApplication,
  Rating,
  ReturnVisit,
  ReturnVisitAttempt,
  ReturnVisitPolicyRow,
  DisasterPeriod,
  FeedbackCursor,
  InspectionPlan,
  InspectionSlot,
  InspectionBooking,
  InspectionVisit,
  Hazard,
  MonthlyReport,
  StaffNotification,
  OncallPage,
  UnclaimedAlert,
  Outage,
  OutageAccount,
  OutageTicket,
  OutageAnnouncement,
  Incident,
  IncidentTicket,
  IncidentEvent,
  KnowledgeArticle,
  ServiceOutlet,
  Invoice,
];
