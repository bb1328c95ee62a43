import { Controller, Get, HttpStatus, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InvoiceReissueSchema, InvoiceRequestSchema, InvoiceView } from '@utility/shared';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { IdParam } from '../common/id-param';
import { ResidentPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { CurrentResident, ResidentGuard } from '../residents/resident.guard';
import { InvoicesService } from './invoices.service';

/** The resident's e-invoices (docs/domain.md#invoices). */
@ApiTags('invoices')
@ApiBearerAuth()
@UseGuards(ResidentGuard)
@Controller('api/my/invoices')
export class InvoicesController {
  constructor(private readonly invoices: InvoicesService) {}

  @Post()
  @ApiOperation({
    summary: "Ask for the e-invoice of one of the resident's own paid payments (个人 or 单位 with 税号)",
    description:
      'Issued by WeChat Pay into the WeChat card wallet; answered at once with status issuing (开票中). A WeChat ' +
      'Pay payment needs the title (400 without); counter and bank money takes none: it is answered awaitingTitle ' +
      "with titleLink, WeChat Pay's title page, and issued once the resident filled it there. One invoice per " +
      "payment: a second request answers the existing one with 200. 404 for a payment that is not the resident's " +
      'own (or of an account they bound, for counter and bank money); 409 PAYMENT_NOT_INVOICEABLE when it is not ' +
      'paid or was refunded.',
  })
  @ApiZodBody(InvoiceRequestSchema)
  async request(
    @CurrentResident() me: ResidentPrincipal,
    @ZodBody(InvoiceRequestSchema) body: z.output<typeof InvoiceRequestSchema>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InvoiceView> {
    const { view, created } = await this.invoices.request(me.id, body);
    void reply.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return view;
  }

  @Get()
  @ApiOperation({ summary: "The resident's invoices, newest first, reversed and reissued ones included" })
  list(@CurrentResident() me: ResidentPrincipal): Promise<InvoiceView[]> {
    return this.invoices.listMine(me.id);
  }

  @Post(':id/reissue')
  @ApiOperation({
    summary: 'A wrong title: the invoice is reversed (红冲) and a new one with the corrected title is issued after it',
    description:
      'Answers the replacement (issuing until the reversal is done). The same reissue again answers it; 409 ' +
      'INVOICE_NOT_REISSUABLE for an invoice not issued (yet) or already replaced with another title; 409 ' +
      'INVOICE_LIMIT_REACHED when the payment already has 5 invoices (WeChat Pay’s limit per application); 503 ' +
      'INVOICE_UNAVAILABLE when WeChat Pay refuses the reversal (nothing changed).',
  })
  @ApiZodBody(InvoiceReissueSchema)
  reissue(
    @CurrentResident() me: ResidentPrincipal,
    @IdParam() id: number,
    @ZodBody(InvoiceReissueSchema) body: z.output<typeof InvoiceReissueSchema>,
  ): Promise<InvoiceView> {
    return this.invoices.reissue(me.id, id, body);
  }
}
