import { render, screen, waitFor } from '@testing-library/react';
import { ErrorCode, RatingLevel, ResidentStep, TicketType, type RatingView } from '@utility/shared';
import { residentTicket, signInResident } from '../../../test/factories/residents';
import { answer, offline, serve } from '../../../test/serve';
import { byId, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { clearResidentSession } from '../../services/resident-session';
import RatingPage from './index';
import { EMPTY_RATING_FORM, effectiveAnswers, validateRating } from './rating-form';

const posts = () => taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST');
const resolved = (over: Parameters<typeof residentTicket>[0] = {}) =>
  residentTicket({
    step: ResidentStep.ToRate,
    stepLabel: '待评价',
    technician: { surname: '刘', phone: '139****2222' },
    rating: { canRate: true, closesAt: '2026-11-30T05:00:00Z', rated: null },
    ...over,
  });
const ratingView = (over: Partial<RatingView> = {}): RatingView => ({
  id: 9,
  ticketId: 5,
  resolution: 1,
  level: RatingLevel.Dissatisfied,
  levelLabel: '不满意',
  answers: {
    speed: RatingLevel.Dissatisfied,
    attitude: RatingLevel.Satisfied,
    quality: RatingLevel.Dissatisfied,
    tidiness: RatingLevel.Dissatisfied,
  },
  comment: '修完第二天又坏了',
  ratedAt: '2026-11-23T08:00:00Z',
  ...over,
});

describe('rating form', () => {
  it('lets the overall level answer every question the resident did not answer alone', () => {
    const form = {
      ...EMPTY_RATING_FORM,
      level: RatingLevel.Dissatisfied,
      answers: { attitude: RatingLevel.Satisfied },
    };
    expect(effectiveAnswers(form)).toEqual({
      speed: 'dissatisfied',
      attitude: 'satisfied',
      quality: 'dissatisfied',
      tidiness: 'dissatisfied',
    });
    expect(effectiveAnswers(EMPTY_RATING_FORM)).toEqual({});
  });

  it('refuses a rating without a level, and a comment over 500 characters', () => {
    expect(validateRating(EMPTY_RATING_FORM)).toEqual({
      ok: false,
      errors: { level: '请选择满意程度', answers: '请选择满意程度' },
    });
    const long = validateRating({ ...EMPTY_RATING_FORM, level: RatingLevel.Satisfied, comment: '好'.repeat(501) });
    expect(long).toEqual({ ok: false, errors: { comment: '评价最多500字' } });
  });

  it('sends the trimmed comment, and none when it is blank', () => {
    const request = (comment: string) =>
      validateRating({ ...EMPTY_RATING_FORM, level: RatingLevel.VerySatisfied, comment });
    expect(request('  很及时 ')).toMatchObject({ ok: true, request: { level: 'very_satisfied', comment: '很及时' } });
    const blank = request('   ');
    expect(blank).toMatchObject({ ok: true });
    expect(blank.ok && blank.request.comment).toBeUndefined();
  });
});

beforeEach(() => {
  taro.resetTaroMock();
  signInResident();
  taro.setRouterParams({ id: '5' });
});

describe('服务评价 page', () => {
  it('rates 不满意 with one answer of its own, says what happens next, and shows the rating', async () => {
    serve({
      'GET /api/my/tickets/5': () => answer(200, resolved()),
      'POST /api/my/tickets/5/rating': () => answer(201, ratingView()),
    });
    render(<RatingPage />);
    await screen.findByText('刘师傅', { exact: false });
    await tap('rating-level-dissatisfied');
    expect(byId('rating-speed-dissatisfied').className).toContain('level--inherited');
    await tap('rating-attitude-satisfied');
    expect(byId('rating-attitude-satisfied').className).toContain('level--on');
    expect(byId('rating-followup-note').textContent).toBe('提交“不满意”后，将为您登记投诉，由专人跟进。');
    await typeInto('rating-comment', '修完第二天又坏了');
    await tap('rating-submit');

    expect(posts()[0].url).toBe('/api/my/tickets/5/rating');
    expect(posts()[0].data).toEqual({
      level: 'dissatisfied',
      answers: { speed: 'dissatisfied', attitude: 'satisfied', quality: 'dissatisfied', tidiness: 'dissatisfied' },
      comment: '修完第二天又坏了',
    });
    expect(posts()[0].header.Authorization).toBe('Bearer res-tok-1');
    await screen.findByText('已收到您的评价');
    expect(byId('rating-given-level').textContent).toBe('不满意');
    await tap('rating-view-request');
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/requests/detail?id=5' });
  });

  it('tells a reporter that a 不满意 report is handled again, not turned into a complaint', async () => {
    serve({
      'GET /api/my/tickets/5': () => answer(200, resolved({ type: TicketType.MisconductReport, typeLabel: '举报' })),
    });
    render(<RatingPage />);
    await screen.findByText('刘师傅', { exact: false });
    await tap('rating-level-dissatisfied');
    expect(byId('rating-followup-note').textContent).toBe('提交“不满意”后，举报会重新处理，由专人跟进。');
  });

  it('shows the rating already given instead of the form', async () => {
    serve({
      'GET /api/my/tickets/5': () =>
        answer(
          200,
          resolved({
            rating: {
              canRate: false,
              closesAt: '2026-11-30T05:00:00Z',
              rated: ratingView({ level: RatingLevel.VerySatisfied }),
            },
          }),
        ),
    });
    render(<RatingPage />);
    await waitFor(() => expect(byId('rating-given-level').textContent).toBe('满意'));
    expect(document.getElementById('rating-submit')).toBeNull();
  });

  it('says the window has closed after 7 days', async () => {
    serve({
      'GET /api/my/tickets/5': () =>
        answer(200, resolved({ rating: { canRate: false, closesAt: '2026-01-01T00:00:00Z', rated: null } })),
    });
    render(<RatingPage />);
    await waitFor(() => expect(byId('rating-closed').textContent).toBe('评价已截止（办结后7天内可评价）'));
  });

  it('keeps the rating on the device when the network fails, and offers it again on this ticket only', async () => {
    serve({ 'GET /api/my/tickets/5': () => answer(200, resolved()), 'POST /api/my/tickets/5/rating': offline });
    const first = render(<RatingPage />);
    await screen.findByText('刘师傅', { exact: false });
    await tap('rating-level-satisfied');
    await tap('rating-submit');
    expect(byId('rating-notice').textContent).toContain('已暂存');
    first.unmount();

    taro.setRouterParams({ id: '6' });
    serve({ 'GET /api/my/tickets/6': () => answer(200, resolved({ id: 6 })) });
    const other = render(<RatingPage />);
    await screen.findByText('刘师傅', { exact: false });
    expect(document.getElementById('rating-notice')).toBeNull();
    expect(byId('rating-level-satisfied').className).not.toContain('level--on');
    other.unmount();

    taro.setRouterParams({ id: '5' });
    serve({ 'GET /api/my/tickets/5': () => answer(200, resolved()) });
    render(<RatingPage />);
    await waitFor(() => expect(byId('rating-notice').textContent).toContain('已恢复'));
    expect(byId('rating-level-satisfied').className).toContain('level--on');
    clearResidentSession();
    expect(taro.getStorageSync('resident.rating.draft')).toBe('');
  });

  it('reloads the ticket when another phone of the household rated first', async () => {
    let rated = false;
    serve({
      'GET /api/my/tickets/5': () =>
        answer(
          200,
          rated
            ? resolved({
                rating: { canRate: false, closesAt: null, rated: ratingView({ level: RatingLevel.Satisfied }) },
              })
            : resolved(),
        ),
      'POST /api/my/tickets/5/rating': () => {
        rated = true;
        return answer(409, { code: ErrorCode.AlreadyRated, message: '您已评价过本次服务' });
      },
    });
    render(<RatingPage />);
    await screen.findByText('刘师傅', { exact: false });
    await tap('rating-level-very_satisfied');
    await tap('rating-submit');
    await waitFor(() => expect(byId('rating-given-level').textContent).toBe('比较满意'));
    expect(byId('rating-error').textContent).toBe('您已评价过本次服务');
  });
});
