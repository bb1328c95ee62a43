import { render, screen } from '@testing-library/react';
import { Channel, ClockKind, Role, TicketStatus, TicketType } from '@utility/shared';
import { clockView, staffLogin, ticketDetail } from '../../../test/factories/tickets';
import { answer, serve } from '../../../test/serve';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import { TicketPane } from './ticket-pane.h5';

const agent = staffLogin(Role.Agent);

function open(ticket: ReturnType<typeof ticketDetail>) {
  serve({ 'GET /api/tickets/5': () => answer(200, ticket) });
  render(<TicketPane ticketId={5} staff={agent.staff} onChanged={jest.fn()} />);
  return screen.findByText(ticket.no);
}

beforeEach(() => {
  taro.resetTaroMock();
  saveSession(agent);
  taro.downloadFile.mockResolvedValue({ statusCode: 200, tempFilePath: 'blob:photo' });
});

/** At a desk the ticket opens beside the queue: everything the phone's ticket page offers is there too. */
describe('the desk ticket pane', () => {
  it("shows the resident's photos and the possible duplicate with its link", async () => {
    await open(
      ticketDetail({
        id: 5,
        photos: [{ id: 41, kind: 'resident', url: '/api/uploads/41', takenAt: '2026-11-23T05:00:00Z' }],
        possibleDuplicateOf: {
          id: 3,
          no: '20261123000003',
          type: TicketType.Repair,
          status: TicketStatus.Assigned,
          address: '幸福小区3栋',
        },
      }),
    );
    expect(document.getElementById('desk-ticket-photos-41')?.textContent).toBe('用户照片');
    expect(document.getElementById('ticket-link')?.textContent).toBe('并入该工单，不再重复派单');
  });

  it('offers the reply to 12345 on a transferred ticket', async () => {
    await open(ticketDetail({ id: 5, channel: Channel.Hotline12345, externalRef: '12345-2026-0001' }));
    expect(document.getElementById('hotline-send')).not.toBeNull();
  });

  it.each([
    [TicketType.Billing, ClockKind.FirstReply, 'billing-reply-send'],
    [TicketType.Application, ClockKind.Decision, 'application-approve'],
  ])('a %s ticket: %s is answered from the pane (%s)', async (type, kind, button) => {
    await open(ticketDetail({ id: 5, type, status: TicketStatus.Accepted, clocks: [clockView({ kind })] }));
    expect(document.getElementById(button)).not.toBeNull();
  });
});
