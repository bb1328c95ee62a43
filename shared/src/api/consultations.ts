import { z } from 'zod';

const id = z.number().int().positive().max(2_147_483_647);
const photoIds = z.array(id).max(6, '最多可上传6张照片');

/** `POST /api/consultations` (咨询): the question; an account only if it is about one. */
export const CreateConsultationSchema = z.object({
  question: z
    .string({ error: '请填写咨询的问题' })
    .trim()
    .min(5, '请描述咨询的问题（至少5个字）')
    .max(1000, '问题最多1000字'),
  accountId: id.optional(),
});
export type CreateConsultationRequest = z.infer<typeof CreateConsultationSchema>;

/** `POST /api/suggestions` (建议): the text and optional photos; an account only if it is about one. */
export const CreateSuggestionSchema = z.object({
  text: z.string({ error: '请填写建议内容' }).trim().min(5, '请描述您的建议（至少5个字）').max(2000, '建议最多2000字'),
  accountId: id.optional(),
  photoIds: photoIds.optional(),
});
export type CreateSuggestionRequest = z.infer<typeof CreateSuggestionSchema>;

/** `POST /api/tickets/:id/answer`: the answer in words, or an article's answer (its id recorded); a timeline note, so at most 1000 characters (a longer article is linked by its id). */
export const AnswerTicketSchema = z.object({
  text: z.string({ error: '请填写答复内容' }).trim().min(2, '答复至少2个字').max(1000, '答复最多1000字'),
  articleId: id.optional(),
});
export type AnswerTicketRequest = z.infer<typeof AnswerTicketSchema>;

/** `POST /api/my/tickets/:id/answer-check`: the resident's satisfaction check (已解决 / 未解决). */
export const AnswerCheckSchema = z.object({
  solved: z.boolean({ error: '请选择问题是否已解决' }),
  note: z.string().trim().max(500, '说明最多500字').optional(),
});
export type AnswerCheckRequest = z.infer<typeof AnswerCheckSchema>;

/** What the resident reads of an answered consultation or suggestion (on ResidentTicketView). */
export interface TicketAnswerView {
  text: string;
  /** The knowledge article it came from, if any (the resident may open it when it is published). */
  articleId: number | null;
  at: string;
  /** A consultation answered and not yet judged: the app asks 已解决 / 未解决. */
  canCheck: boolean;
}
