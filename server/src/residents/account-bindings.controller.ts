import { Controller, Delete, Get, Headers, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BindAccountRequest, BindAccountSchema, BindingRequirementView, BoundAccountView } from '@utility/shared';
import { IdParam } from '../common/id-param';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { ResidentPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { AccountBindingsService } from './account-bindings.service';
import { CurrentResident, ResidentGuard } from './resident.guard';

@ApiTags('residents')
@ApiBearerAuth()
@UseGuards(ResidentGuard)
@Controller('api/accounts')
export class AccountBindingsController {
  constructor(
    private readonly bindings: AccountBindingsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The accounts (户号) this resident has bound, default first-class' })
  list(@CurrentResident() me: ResidentPrincipal): Promise<BoundAccountView[]> {
    return this.bindings.list(me.id);
  }

  @Get('binding-requirement')
  @ApiOperation({ summary: "Which second fact the bind form asks for besides the holder's name (BINDING_SECOND_FACT)" })
  requirement(): BindingRequirementView {
    return this.bindings.requirement();
  }

  @Post('bind')
  @ApiOperation({
    summary:
      "Bind an account by number + holder's name + the second fact; 5 failures an hour per resident, 10 a day per account, then 429",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiZodBody(BindAccountSchema)
  async bind(
    @CurrentResident() me: ResidentPrincipal,
    @ZodBody(BindAccountSchema) body: BindAccountRequest,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<BoundAccountView[]> {
    const accountId = await this.bindings.verify(me.id, body);
    await this.idempotency.create(`resident:${me.id}`, key, 'binding', body, () =>
      this.bindings.bind(me.id, accountId, body.label),
    );
    return this.bindings.list(me.id);
  }

  @Post(':id/default')
  @HttpCode(HttpStatus.OK)
  async setDefault(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number): Promise<BoundAccountView[]> {
    await this.bindings.setDefault(me.id, id);
    return this.bindings.list(me.id);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Unbind; the account and its records stay with the company' })
  async unbind(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number): Promise<BoundAccountView[]> {
    await this.bindings.unbind(me.id, id);
    return this.bindings.list(me.id);
  }
}
