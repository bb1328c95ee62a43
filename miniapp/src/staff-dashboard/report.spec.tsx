import { render, screen } from '@testing-library/react';
import {
  Channel,
  ClockKind,
  Role,
  TicketType,
  periodOf,
  previousPeriod,
  type MonthlyReportFigures,
  type MonthlyReportView,
} from '@utility/shared';
import { staffLogin } from '../../test/factories/tickets';
import { answer, serve } from '../../test/serve';
import { byId } from '../../test/taro-events';
import * as taro from '../../test/taro-mock';
import { saveSession } from '../services/session';
import ReportPage from './report';

const period = previousPeriod(periodOf(new Date()));

const figures = (over: Partial<MonthlyReportFigures> = {}): MonthlyReportFigures => ({
  districts: [{ id: 1, name: '城东' }],
  tickets: { rows: [], byType: [{ type: TicketType.Repair, count: 12 }], total: 12 },
  onTime: [{ clock: ClockKind.OnSite, counted: 10, onTime: 9, late: 1, rate: 0.9 }],
  complaints: { received: 0, resolved: 0, rate: null },
  satisfaction: {
    ratings: 0,
    satisfied: 0,
    rate: null,
    byLevel: { very_satisfied: 0, satisfied: 0, fairly_satisfied: 0, dissatisfied: 0 },
  },
  returnVisits: { due: 0, visited: 0, rate: null },
  hazards: { found: 0, closed: 0, openAtEnd: 0 },
  payments: {
    payments: { count: 0, totalFen: 0 },
    refunds: { count: 0, totalFen: 0 },
    netFen: 0,
    arrears: { count: 0, totalFen: 0, accounts: 0 },
  },
  staff: [],
  ...over,
});

function open(f: MonthlyReportFigures) {
  const report: MonthlyReportView = {
    period,
    districtId: null,
    status: 'frozen',
    generatedAt: '2026-12-01T01:00:00Z',
    dueAt: '2026-12-05T10:00:00Z',
    frozenAt: '2026-12-05T10:00:00Z',
    figures: f,
  };
  serve({ [`GET /api/reports/monthly?period=${period}`]: () => answer(200, report) });
  render(<ReportPage />);
}

beforeEach(() => {
  taro.resetTaroMock();
  saveSession(staffLogin(Role.Supervisor));
});

describe('月度报表 page', () => {
  it('shows the split by channel and the outages of the month, as the export does', async () => {
    open(
      figures({
        channels: [
          { channel: Channel.Phone, received: 9, clocks: 20, onTime: 19, rate: 0.95 },
          { channel: Channel.Hotline12345, received: 3, clocks: 6, onTime: 3, rate: 0.5 },
        ],
        outages: { count: 2, hours: 13.5, households: 480, residentsNotified: 312 },
      }),
    );
    await screen.findByText('受理渠道');
    expect(byId('report-channels').textContent).toBe('受理渠道24小时热线9件 · 按时率 95.0%12345热线3件 · 按时率 50.0%');
    expect(byId('report-outages').textContent).toBe('停供停供次数2停供时长（小时）13.5影响户数480已通知居民312');
  });

  it('leaves both out of a report frozen before channels and outages were counted', async () => {
    open(figures());
    await screen.findByText('工单（共12件）');
    expect(document.getElementById('report-channels')).toBeNull();
    expect(document.getElementById('report-outages')).toBeNull();
  });
});
