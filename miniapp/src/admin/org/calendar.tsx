import { Input, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { CalendarStatusView, CalendarYearView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { calendarStatus, calendarYear, saveCalendarDay } from '../../services/api/org-admin';
import { ApiRequestError } from '../../services/api/request';
import { requireStaff } from '../../services/session';
import { Chips, Failure } from './chips';
import { DeskPicker } from '../../components/desk-picker';
import { withDeskFrame } from '../../staff/desk/desk-frame';
import './org.scss';

/** 工作日历: the year's holidays and 调休 days, the operator's corrections, and the next-year warning. */
function CalendarPage() {
  const [status, setStatus] = useState<CalendarStatusView | null>(null);
  const [year, setYear] = useState(new Date().getFullYear());
  const [view, setView] = useState<CalendarYearView | null>(null);
  const [day, setDay] = useState({ date: `${new Date().getFullYear() + 1}-01-01`, working: false, note: '' });
  const [failure, setFailure] = useState('');

  const load = async (y = year) => {
    setStatus(await calendarStatus());
    setView(await calendarYear(y));
  };
  useDidShow(() => void (requireStaff() && load()));
  const showYear = (y: number) => {
    setYear(y);
    void load(y);
  };

  async function submit() {
    setFailure('');
    try {
      await saveCalendarDay(day.date, day.working, day.note);
      await load();
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      setFailure(error.message);
    }
  }

  return (
    <View className="page">
      {status?.warning ? (
        <View id="calendar-warning" className="org-warning">
          <Text>{status.warning}</Text>
        </View>
      ) : null}
      <View className="card">
        <Chips
          id="calendar-year"
          options={[year - 1, year, year + 1].map((y) => ({ value: y, label: `${y}年` }))}
          value={year}
          onPick={showYear}
        />
        {view && !view.libraryCovers ? (
          <Text className="muted">内置数据没有{view.year}年的放假安排，只显示手工录入的日期。</Text>
        ) : null}
        {view?.days.map((d) => (
          <View
            key={d.date}
            id={`calendar-day-${d.date}`}
            className="org-row"
            onClick={() => setDay({ date: d.date, working: d.working, note: d.source === 'override' ? d.name : '' })}
          >
            <Text>
              {d.date} {d.name}
            </Text>
            <Text className={d.working ? 'text-ok' : 'muted'}>
              {d.working ? '上班' : '休息'}
              {d.source === 'override' ? '（手工）' : ''}
            </Text>
          </View>
        ))}
      </View>
      <View className="card">
        <Text className="card__title">录入或更正一天</Text>
        <FormField label="日期" id="calendar-date">
          <DeskPicker
            id="calendar-date"
            mode="date"
            value={day.date}
            onChange={(e) => setDay({ ...day, date: String(e.detail.value) })}
          >
            <Text className="field__input">{day.date}</Text>
          </DeskPicker>
        </FormField>
        <FormField label="这一天" id="calendar-working">
          <Chips
            id="calendar-working"
            options={[
              { value: false, label: '休息（放假）' },
              { value: true, label: '上班（调休）' },
            ].map((o) => ({ value: o.value ? 1 : 0, label: o.label }))}
            value={day.working ? 1 : 0}
            onPick={(v) => setDay({ ...day, working: v === 1 })}
          />
        </FormField>
        <FormField label="说明" id="calendar-note" optional>
          <Input
            id="calendar-note"
            className="field__input"
            maxlength={100}
            placeholder="如：元旦"
            value={day.note}
            onInput={(e) => setDay({ ...day, note: e.detail.value })}
          />
        </FormField>
        <ActionButton id="calendar-save" onClick={() => void submit()}>
          保存
        </ActionButton>
        <Failure message={failure} />
      </View>
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(CalendarPage, 'admin-org', '工作日历');
