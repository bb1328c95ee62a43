import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { StaffView, TicketView } from '@utility/shared'
import { useState } from 'react'
import { revealPhone } from '../../services/tickets'

/**
 * Phones come masked (DOMAIN.md: personal data). The assignee, who has to call, asks for the
 * full number on purpose; the server records that view.
 */
export function ContactPhone({ ticket, staff }: { ticket: TicketView; staff: StaffView }) {
  const [revealed, setRevealed] = useState<string | null>(null)
  const phone = revealed ?? ticket.contactPhone
  const masked = phone.includes('*')

  async function reveal() {
    try {
      setRevealed((await revealPhone(ticket.id)).phone)
    } catch {
      // Shown by the request wrapper (e.g. 您没有权限进行此操作).
    }
  }

  return (
    <View className='row ticket__contact'>
      <Text>
        {ticket.contactName} {phone}
      </Text>
      {!masked ? (
        <Text id='ticket-call' className='ticket__call' onClick={() => Taro.makePhoneCall({ phoneNumber: phone })}>
          拨打
        </Text>
      ) : ticket.assigneeId === staff.id ? (
        <Text id='ticket-reveal-phone' className='ticket__call' onClick={reveal}>
          查看号码
        </Text>
      ) : null}
    </View>
  )
}
