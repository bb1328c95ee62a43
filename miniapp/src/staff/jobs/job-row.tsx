import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { TicketStatus, type FieldJobView } from '@utility/shared';
import { ClockList } from '../../components/clock-list';
import { PriorityBadge } from '../../components/ticket-badges';
import { formatClockTime, formatShortTime } from '../../format/time';
import { jobStatusLabel } from '../job/job-steps';

export function JobRow({ job }: { job: FieldJobView }) {
  return (
    <View
      id={`field-job-${job.no}`}
      className="card job-row"
      onClick={() => Taro.navigateTo({ url: `/staff/job/index?id=${job.id}` })}
    >
      <View className="row">
        <Text className="job-row__type">
          {job.typeLabel}
          {job.categoryLabel ? ` · ${job.categoryLabel}` : ''}
        </Text>
        <View className="job-row__badges">
          <PriorityBadge priority={job.priority} />
          <Text
            className={
              job.accepted || job.status !== TicketStatus.Assigned ? 'badge badge--status' : 'badge badge--high'
            }
          >
            {jobStatusLabel(job)}
          </Text>
        </View>
      </View>
      <Text className="job-row__address">{job.address}</Text>
      {job.window ? (
        <Text className="job-row__line">
          预约 {formatShortTime(job.window.start)}–{formatClockTime(job.window.end)}
        </Text>
      ) : null}
      {job.eta && job.status === TicketStatus.EnRoute ? (
        <Text className="job-row__line">预计 {formatClockTime(job.eta)} 到达</Text>
      ) : null}
      <Text className="muted">{job.no}</Text>
      <ClockList clocks={job.clocks} />
    </View>
  );
}
