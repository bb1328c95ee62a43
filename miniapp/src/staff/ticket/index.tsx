import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { CHANNEL_LABELS, TICKET_TYPE_LABELS, type StaffView, type TicketDetailView } from '@utility/shared'
import { useState } from 'react'
import { ClockList } from '../../components/clock-list'
import { PriorityBadge, StatusBadge } from '../../components/ticket-badges'
import { formatFullTime } from '../../format/time'
import { requireStaff } from '../../services/session'
import { getTicket } from '../../services/tickets'
import { ContactPhone } from './contact-phone'
import { TicketActions } from './ticket-actions'
import { Timeline } from './timeline'
import './index.scss'

export default function TicketPage() {
  const { params } = useRouter()
  const ticketId = Number(params.id)
  const [staff, setStaff] = useState<StaffView | null>(null)
  const [ticket, setTicket] = useState<TicketDetailView | null>(null)
  const [failed, setFailed] = useState(false)

  async function load() {
    const me = requireStaff()
    setStaff(me)
    if (!me) return
    try {
      setTicket(await getTicket(ticketId))
      setFailed(false)
    } catch {
      // The wrapper has shown why; keep what is on screen.
      setFailed(true)
    }
  }

  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  if (!ticket || !staff) return <Text className='empty'>{failed ? '工单加载失败，请下拉刷新' : '加载中…'}</Text>
  return (
    <View className='page ticket'>
      <View className='card'>
        <View className='row'>
          <Text className='card__title'>{TICKET_TYPE_LABELS[ticket.type]}</Text>
          <View className='ticket__badges'>
            <PriorityBadge priority={ticket.priority} />
            <StatusBadge status={ticket.status} />
          </View>
        </View>
        <Text id='ticket-no' className='muted'>
          {ticket.no} · {CHANNEL_LABELS[ticket.channel]} · {formatFullTime(ticket.createdAt)}
        </Text>
        <Text className='muted ticket__line'>
          {ticket.queueName} · {ticket.assigneeName ? `处理人：${ticket.assigneeName}` : '未领取'}
        </Text>
        <ClockList clocks={ticket.clocks} />
      </View>
      <View className='card'>
        <Text className='ticket__address'>{ticket.address}</Text>
        <ContactPhone
          ticketId={ticket.id}
          contactName={ticket.contactName}
          contactPhone={ticket.contactPhone}
          mayReveal={ticket.assigneeId === staff.id}
        />
        {ticket.accountNo ? <Text className='muted'>户号 {ticket.accountNo}</Text> : null}
        <Text className='ticket__description'>{ticket.description}</Text>
      </View>
      <TicketActions ticket={ticket} staff={staff} onChanged={() => void load()} />
      <View className='card'>
        <Text className='card__title'>处理记录</Text>
        <Timeline events={ticket.events} />
      </View>
    </View>
  )
}
