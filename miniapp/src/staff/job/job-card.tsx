import { Text, View } from '@tarojs/components';
import { TicketStatus, type FieldJobView } from '@utility/shared';
import { ClockList } from '../../components/clock-list';
import { PriorityBadge } from '../../components/ticket-badges';
import { formatClockTime, formatShortTime } from '../../format/time';
import { ContactPhone } from '../ticket/contact-phone';
import { jobStatusLabel } from './job-steps';

/** Everything the technician needs at the door: what, where, who to call, and by when. */
export function JobCard({ job }: { job: FieldJobView }) {
  return (
    <View className="card job-card">
      <View className="row">
        <Text className="card__title job-card__title">
          {job.typeLabel}
          {job.categoryLabel ? ` · ${job.categoryLabel}` : ''}
        </Text>
        <View className="job-card__badges">
          <PriorityBadge priority={job.priority} />
          <Text id="job-status" className="badge badge--status">
            {jobStatusLabel(job)}
          </Text>
        </View>
      </View>
      <Text className="muted">{job.no}</Text>
      <Text id="job-address" className="job-card__address">
        {job.address}
      </Text>
      {/* Every job in this list is the caller's own: the server logs the reveal. */}
      <ContactPhone
        ticketId={job.id}
        contactName={job.contactName}
        contactPhone={job.contactPhone}
        mayReveal
        idPrefix="job"
      />
      {job.window ? (
        <Text id="job-window" className="job-card__line">
          预约上门：{formatShortTime(job.window.start)}–{formatClockTime(job.window.end)}
        </Text>
      ) : null}
      {job.eta && job.status === TicketStatus.EnRoute ? (
        <Text id="job-eta-shown" className="job-card__line">
          已告知居民 {formatClockTime(job.eta)} 到达
        </Text>
      ) : null}
      <Text className="job-card__description">{job.description}</Text>
      <ClockList clocks={job.clocks} />
    </View>
  );
}
