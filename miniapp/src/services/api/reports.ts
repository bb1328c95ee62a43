import type { DashboardView, MonthlyReportView } from '@utility/shared';
import { staffApi } from './request';

export function fetchDashboard(): Promise<DashboardView> {
  return staffApi.request<DashboardView>('/api/reports/dashboard');
}

export function fetchMonthlyReport(period: string): Promise<MonthlyReportView> {
  return staffApi.request<MonthlyReportView>(`/api/reports/monthly?period=${encodeURIComponent(period)}`);
}

export function regenerateMonthlyReport(period: string): Promise<MonthlyReportView> {
  return staffApi.request<MonthlyReportView>('/api/reports/monthly/regenerate', { method: 'POST', data: { period } });
}

export const reportExportPath = (period: string, format: 'xlsx' | 'csv') =>
  `/api/reports/monthly/export?period=${encodeURIComponent(period)}&format=${format}`;
