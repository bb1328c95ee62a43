import type { DashboardView, MonthlyReportView } from '@utility/shared';
import { request } from './request';

export function fetchDashboard(): Promise<DashboardView> {
  return request<DashboardView>('/api/reports/dashboard');
}

export function fetchMonthlyReport(period: string): Promise<MonthlyReportView> {
  return request<MonthlyReportView>(`/api/reports/monthly?period=${encodeURIComponent(period)}`);
}

export function regenerateMonthlyReport(period: string): Promise<MonthlyReportView> {
  return request<MonthlyReportView>('/api/reports/monthly/regenerate', { method: 'POST', data: { period } });
}

export const reportExportPath = (period: string, format: 'xlsx' | 'csv') =>
  `/api/reports/monthly/export?period=${encodeURIComponent(period)}&format=${format}`;
