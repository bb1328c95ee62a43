import { Controller, Get, Headers, HttpStatus, Patch, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateKnowledgeArticleRequest,
  CreateKnowledgeArticleSchema,
  KnowledgeArticleSummary,
  KnowledgeArticleView,
  Role,
  ServiceOutletView,
  UpdateKnowledgeArticleRequest,
  UpdateKnowledgeArticleSchema,
} from '@utility/shared';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { IdParam } from '../common/id-param';
import { StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { KnowledgeService } from './knowledge.service';

/** Who keeps the knowledge base: supervisors (and admins) publish what agents and residents read. */
const KNOWLEDGE_EDITORS = [Role.Supervisor, Role.Admin];

/**
 * The knowledge base. Published articles are public service information (the service publishes its
 * commitments, procedures and fees), readable without signing in; staff read everything, scripts included.
 */
@ApiTags('knowledge')
@Controller()
export class KnowledgeController {
  constructor(private readonly knowledge: KnowledgeService) {}

  @Get('api/knowledge')
  @ApiOperation({ summary: 'Published FAQ, guides, safety and commitments; ?q= searches title, body, tags' })
  search(@Query('q') q?: string, @Query('kind') kind?: string): Promise<KnowledgeArticleSummary[]> {
    return this.knowledge.search('public', q, kind);
  }

  @Get('api/knowledge/:id')
  get(@IdParam() id: number): Promise<KnowledgeArticleView> {
    return this.knowledge.get('public', id);
  }

  @Get('api/service-outlets')
  @ApiOperation({ summary: 'Service outlets (营业网点): address, hours, services, phone, map' })
  outlets(): Promise<ServiceOutletView[]> {
    return this.knowledge.listOutlets();
  }

  @Get('api/staff/knowledge')
  @UseGuards(StaffGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Every article, answer scripts and drafts included (agents search it from intake)' })
  staffSearch(@Query('q') q?: string, @Query('kind') kind?: string): Promise<KnowledgeArticleSummary[]> {
    return this.knowledge.search('staff', q, kind);
  }

  @Get('api/staff/knowledge/:id')
  @UseGuards(StaffGuard)
  @ApiBearerAuth()
  staffGet(@IdParam() id: number): Promise<KnowledgeArticleView> {
    return this.knowledge.get('staff', id);
  }

  @Post('api/staff/knowledge')
  @UseGuards(StaffGuard)
  @Roles(...KNOWLEDGE_EDITORS)
  @ApiBearerAuth()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiZodBody(CreateKnowledgeArticleSchema)
  async create(
    @CurrentStaff() me: StaffPrincipal,
    @ZodBody(CreateKnowledgeArticleSchema) body: CreateKnowledgeArticleRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<KnowledgeArticleView> {
    void reply.status(HttpStatus.CREATED);
    return this.knowledge.create(me, body, key);
  }

  @Patch('api/staff/knowledge/:id')
  @UseGuards(StaffGuard)
  @Roles(...KNOWLEDGE_EDITORS)
  @ApiBearerAuth()
  @ApiZodBody(UpdateKnowledgeArticleSchema)
  update(
    @CurrentStaff() me: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(UpdateKnowledgeArticleSchema) body: UpdateKnowledgeArticleRequest,
  ): Promise<KnowledgeArticleView> {
    return this.knowledge.update(me, id, body);
  }
}
