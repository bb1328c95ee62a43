import { NoticeTemplates, shanghaiDate } from '@utility/shared';
import { NoticeRequest } from '../notifications/notice-outbox.service';
import { EndedBindingOf } from '../residents/account-bindings.service';

/**
 * Tells a resident that their binding ended because the account's holder changed (过户). Goes
 * against an account-wide consent, as bill alerts do; once per ended binding.
 */
export function holderChangeNotice(
  ended: EndedBindingOf,
  accountNo: string,
  at: Date,
  templates: NoticeTemplates,
): NoticeRequest {
  return {
    dedupeKey: `binding-ended:${ended.bindingId}`,
    residentId: ended.residentId,
    ticketId: null,
    templateId: templates.accountChange,
    page: 'packages/account/index',
    // WeChat's `thing` fields hold 20 characters.
    data: {
      character_string1: { value: accountNo },
      thing2: { value: '户主已变更（过户）' },
      date3: { value: shanghaiDate(at) },
      thing4: { value: '原绑定已解除，如需请重新绑定' },
    },
  };
}
