import {
  ResidentStep,
  TicketType,
  type BoundAccountView,
  type ResidentLoginResponse,
  type ResidentTicketView,
  type ResidentView,
} from '@utility/shared';
import { saveResidentLogin } from '../../src/services/resident-session';

export function residentView(over: Partial<ResidentView> = {}): ResidentView {
  return { id: 3, phone: null, privacyConsentedAt: '2026-11-23T05:00:00Z', ...over };
}

export function residentLogin(over: Partial<ResidentView> = {}): ResidentLoginResponse {
  return { token: 'res-tok-1', expiresAt: '2099-01-01T00:00:00Z', resident: residentView(over) };
}

/** A resident who logged in and agreed to the privacy guide. */
export function signInResident(over: Partial<ResidentView> = {}): void {
  saveResidentLogin(residentLogin(over));
}

export function boundAccount(over: Partial<BoundAccountView> = {}): BoundAccountView {
  return {
    id: 1,
    accountNo: '9100000001',
    holderName: '王**',
    address: '城东区幸福路11号2单元302室',
    utility: 'gas',
    label: '家',
    isDefault: true,
    ...over,
  };
}

export function residentTicket(over: Partial<ResidentTicketView> = {}): ResidentTicketView {
  return {
    id: 5,
    no: 'T202611230005',
    type: TicketType.Repair,
    typeLabel: '一般报修',
    step: ResidentStep.Accepted,
    stepLabel: '已受理',
    accountNo: '9100000001',
    address: '城东区幸福路11号2单元302室',
    description: '灶台打不着火',
    createdAt: '2026-11-23T05:00:00Z',
    technician: null,
    eta: null,
    canCancel: true,
    canConfirm: false,
    canReportNotFixed: false,
    timeline: [
      { at: '2026-11-23T05:00:00Z', step: ResidentStep.Submitted, label: '已提交' },
      { at: '2026-11-23T05:10:00Z', step: ResidentStep.Accepted, label: '已受理' },
    ],
    ...over,
  };
}

export const NOTICE_TEMPLATES = {
  accepted: 'TPL_ACC',
  progress: 'TPL_PRO',
  resolved: 'TPL_RES',
  inspection: 'TPL_INS',
  billDue: 'TPL_DUE',
  arrears: 'TPL_ARR',
  usageAlert: 'TPL_USE',
  accountChange: 'TPL_ACH',
  outage: 'TPL_OUT',
  prepaidBalance: 'TPL_PRE',
};
