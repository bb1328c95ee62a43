import { IncidentView, shanghaiDateTime } from '@utility/shared';

const shanghai = (iso: string) => shanghaiDateTime(new Date(iso));
/** RFC 4180 field; a leading = + - @ is neutralised so that a spreadsheet never runs it as a formula. */
const field = (v: string) => {
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};
const line = (cells: string[]) => cells.map(field).join(',');

/** The record of an incident for the authorities: its facts, its tickets and its timeline (CSV, Shanghai times, BOM for Excel). */
export function incidentCsv(i: IncidentView): string {
  const rows = [
    line(['事件编号', String(i.id)]),
    line(['事件名称', i.title]),
    line(['事件描述', i.description]),
    line(['负责人', i.lead?.name ?? '']),
    line(['开始时间', shanghai(i.startedAt)]),
    line(['结束时间', i.closedAt ? shanghai(i.closedAt) : '进行中']),
    line(['关联工单数', String(i.tickets.length)]),
    '',
    line(['工单号', '类型', '状态', '地址', '受理时间']),
    ...i.tickets.map((t) => line([t.no ?? String(t.id), t.type, t.status, t.address, shanghai(t.createdAt)])),
    '',
    line(['时间', '事项', '内容', '记录人']),
    ...i.timeline.map((e) => line([shanghai(e.at), e.kind, e.note, e.actor ?? ''])),
  ];
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}
