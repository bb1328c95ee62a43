import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { revealPhone } from '../../services/api/tickets';
import './contact-phone.scss';

interface Props {
  ticketId: number;
  contactName: string;
  /** As the server sends it: masked. */
  contactPhone: string;
  /** Only the ticket's assignee, who has to call, may ask for the full number. */
  mayReveal: boolean;
  /** Id prefix: `${prefix}-call`, `${prefix}-reveal-phone`. */
  idPrefix?: string;
}

/**
 * Phones come masked (docs/domain.md#personal-data). The assignee, who has to call, asks for the
 * full number on purpose; the server records that view.
 */
export function ContactPhone({ ticketId, contactName, contactPhone, mayReveal, idPrefix = 'ticket' }: Props) {
  const [revealed, setRevealed] = useState<string | null>(null);
  const phone = revealed ?? contactPhone;
  const masked = phone.includes('*');

  async function reveal() {
    try {
      setRevealed((await revealPhone(ticketId)).phone);
    } catch {
      // Shown by the request wrapper (e.g. 您没有权限进行此操作).
    }
  }

  return (
    <View className="row ticket__contact">
      <Text>
        {contactName} {phone}
      </Text>
      {!masked && phone ? (
        <Text
          id={`${idPrefix}-call`}
          className="ticket__call"
          onClick={() => Taro.makePhoneCall({ phoneNumber: phone })}
        >
          拨打
        </Text>
      ) : masked && mayReveal ? (
        <Text id={`${idPrefix}-reveal-phone`} className="ticket__call" onClick={reveal}>
          查看号码
        </Text>
      ) : null}
    </View>
  );
}
