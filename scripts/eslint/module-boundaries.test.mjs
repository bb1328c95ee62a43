// The boundary rule's own check, run by `npm run lint` before the lint (RuleTester throws on a failed case).
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import rule from './module-boundaries.mjs';

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });
const file = '/repo/server/src/repairs/repairs.service.ts';

tester.run('module-boundaries', rule, {
  valid: [
    { filename: file, code: "import { RepairRequest } from './repair-request.entity';" },
    { filename: '/repo/server/src/payments/wechat-pay/x.ts', code: "import { Refund } from '../refund.entity';" },
    { filename: file, code: "import { TicketsService } from '../tickets/tickets.service';" },
    { filename: '/repo/shared/src/x.ts', code: "import { Ticket } from '../../server/src/tickets/ticket.entity';" },
    {
      filename: file,
      code: "import { Account } from '../accounts/account.entity';",
      options: [{ baseline: { 'server/src/repairs/repairs.service.ts': ['../accounts/account.entity'] } }],
    },
  ],
  invalid: [
    { filename: file, code: "import { Ticket } from '../tickets/ticket.entity';", errors: [{ messageId: 'entity' }] },
    {
      filename: file,
      code: "import type { Ticket } from '../tickets/ticket.entity';",
      errors: [{ messageId: 'entity' }],
    },
    { filename: file, code: "export { Ticket } from '../tickets/ticket.entity';", errors: [{ messageId: 'entity' }] },
    {
      filename: '/repo/server/src/payments/wechat-pay/x.ts',
      code: "import { Bill } from '../../billing/bill.entity';",
      errors: [{ messageId: 'entity' }],
    },
    {
      // Another file's baseline entry does not cover this one.
      filename: file,
      code: "import { Ticket } from '../tickets/ticket.entity';",
      options: [{ baseline: { 'server/src/repairs/field-work.service.ts': ['../tickets/ticket.entity'] } }],
      errors: [{ messageId: 'entity' }],
    },
    {
      // A baseline entry whose import is gone must be deleted: the list only shrinks.
      filename: file,
      code: "import { TicketsService } from '../tickets/tickets.service';",
      options: [{ baseline: { 'server/src/repairs/repairs.service.ts': ['../tickets/ticket.entity'] } }],
      errors: [{ messageId: 'stale' }],
    },
  ],
});
