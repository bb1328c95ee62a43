import { Controller, Get, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { QueueMemberView, QueueView, TicketView } from '@utility/shared';
import { CurrentStaff, StaffGuard } from '../common/auth.guard';
import { IdParam } from '../common/id-param';
import { StaffPrincipal } from '../common/principal';
import { TicketAssignment } from './ticket-assignment.service';
import { TicketBoard } from './ticket-board.service';

@ApiTags('queues')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Controller('api/queues')
export class QueueBoardController {
  constructor(
    private readonly board: TicketBoard,
    private readonly assignment: TicketAssignment,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The queues in your scope with open, at-risk and breached counts' })
  list(@CurrentStaff() staff: StaffPrincipal): Promise<QueueView[]> {
    return this.board.myQueues(staff);
  }

  @Get(':id/tickets')
  @ApiOperation({ summary: 'Open tickets of a queue in work order (priority, then oldest)' })
  tickets(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<TicketView[]> {
    return this.board.queueTickets(staff, id);
  }

  @Get(':id/members')
  @ApiOperation({ summary: 'Who works the queue, on duty or not, with open load' })
  members(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<QueueMemberView[]> {
    return this.board.members(staff, id);
  }

  @Post(':id/claim')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Take the next ticket in work order; 404 QUEUE_EMPTY when none is left' })
  claimNext(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<TicketView> {
    return this.assignment.claimNext(staff, id);
  }
}
