import { Page } from 'playwright-core';
import { currentPage, eventually, goBack, pageSettled, pullDownRefresh } from './browser';

/**
 * Steps of the feedback journeys (issue 7) in the H5 app: the resident's 去评价, and the agent's
 * work on a complaint and on its return visit in the staff console.
 */

/** On a ticket's detail (待评价): 去评价 → the overall level (every question follows it) → submit; the server's answer. */
export async function rateFromDetail(
  page: Page,
  ticketId: number,
  level: string,
  comment?: string,
): Promise<{ level: string; resolution: number }> {
  await currentPage(page).locator('#request-rate').click();
  await page.waitForURL(new RegExp(`#/packages/rating/index\\?id=${ticketId}$`));
  await pageSettled(page);
  const screen = currentPage(page);
  await screen.locator(`#rating-level-${level}`).click();
  for (const q of ['speed', 'attitude', 'quality', 'tidiness']) {
    expect(await screen.locator(`#rating-${q}-${level}`).getAttribute('class')).toContain('level--inherited');
  }
  if (comment) await screen.locator('#rating-comment textarea').fill(comment);
  const answer = page.waitForResponse(
    (r) => r.url().endsWith(`/api/my/tickets/${ticketId}/rating`) && r.request().method() === 'POST',
  );
  await screen.locator('#rating-submit').click();
  const response = await answer;
  expect(response.status()).toBe(201);
  await screen.locator('#rating-thanks').waitFor();
  return response.json();
}

/** 我的报修 (already on it) → the row of `ticketNo` → its detail, settled. */
export async function openFromList(page: Page, ticketNo: string, id: number): Promise<void> {
  const row = currentPage(page).locator(`#request-${ticketNo}`);
  await row.waitFor();
  await pageSettled(page);
  await row.click();
  await page.waitForURL(new RegExp(`#/packages/requests/detail\\?id=${id}$`));
  await pageSettled(page);
}

/**
 * The agent (signed in on `page`'s queue list) opens the complaint from `queueCode`, checks its
 * clocks, takes it, grades it 三级, records the first reply and resolves it; ends on the ticket.
 */
export async function agentResolvesComplaint(
  page: Page,
  queueCode: string,
  complaint: { id: number; no: string },
  reply: string,
): Promise<void> {
  const card = page.locator(`#queue-${queueCode}`);
  await eventually(async () =>
    expect(Number(await card.locator('.count__value').first().innerText())).toBeGreaterThanOrEqual(1),
  );
  await card.click();
  const row = currentPage(page).locator(`#ticket-${complaint.no}`);
  await row.waitFor();
  await pageSettled(page);
  expect(await row.locator('.ticket-row__type').innerText()).toBe('投诉');
  expect(await row.locator('.clock__label').allInnerTexts()).toEqual(['响应', '首次答复', '办结']);
  expect(await row.locator('.clock__state').first().innerText()).toMatch(/^剩余/);
  await row.click();
  await page.waitForURL(new RegExp(`#/staff/ticket/index\\?id=${complaint.id}$`));
  const ticket = currentPage(page);
  await ticket.locator('#complaint-panel').waitFor();
  expect(await ticket.locator('#complaint-grade').innerText()).toBe('未定级');

  await ticket.locator('#ticket-claim').click();
  await ticket.locator('#transition-resolved').waitFor();
  await ticket.locator('#grade-3').click();
  const graded = page.waitForResponse((r) => r.url().endsWith(`/api/tickets/${complaint.id}/grade`));
  await ticket.locator('#grade-submit').click();
  expect((await graded).status()).toBe(200);
  await eventually(async () => expect(await ticket.locator('#complaint-grade').innerText()).toBe('三级投诉'));
  await ticket.locator('#first-reply-text textarea').fill(reply);
  const replied = page.waitForResponse((r) => r.url().endsWith(`/api/tickets/${complaint.id}/first-reply`));
  await ticket.locator('#first-reply-submit').click();
  expect((await replied).status()).toBe(200);
  await ticket.locator('#complaint-replied').waitFor();
  const resolved = page.waitForResponse((r) => r.url().endsWith(`/api/tickets/${complaint.id}/transition`));
  await ticket.locator('#transition-resolved').click();
  expect((await resolved).status()).toBe(200);
  await eventually(async () =>
    expect(await ticket.locator('.ticket__badges .badge--status').innerText()).toBe('已处理'),
  );
}

/**
 * From the ticket page back to the queue list → 回访任务 → the task visiting `visitedNo` (pulled
 * down until the planner has made it) → one call: reached, 满意, fixed. Ends on the visit.
 */
export async function agentVisits(page: Page, visitedNo: string, note: string): Promise<void> {
  await goBack(page);
  await goBack(page);
  await page.waitForURL(/#\/staff\/queues\/index/);
  await currentPage(page).locator('#return-visits').click();
  await page.waitForURL(/#\/staff\/visits\/index/);
  await currentPage(page).locator('#visits-list').waitFor();
  await pageSettled(page);
  const row = currentPage(page).locator('.visit-row', { hasText: visitedNo });
  await eventually(
    async () => {
      if ((await row.count()) === 0) await pullDownRefresh(page);
      expect(await row.count()).toBe(1);
    },
    20_000,
    1_000,
  );
  expect(await row.locator('.visit-row__type').innerText()).toBe(`投诉 · ${visitedNo}`);
  expect(await row.locator('.clock__label').allInnerTexts()).toEqual(['办结']);
  await row.click();
  await page.waitForURL(/#\/staff\/visits\/visit\?id=\d+$/);
  const visit = currentPage(page);
  await visit.locator('#visit-submit').waitFor();
  await pageSettled(page);
  await visit.locator('#visit-reached-yes').click();
  await visit.locator('#visit-level-very_satisfied').click();
  await visit.locator('#visit-fixed-yes').click();
  await visit.locator('#visit-note textarea').fill(note);
  const recorded = page.waitForResponse((r) => /\/api\/return-visits\/\d+\/attempts$/.test(r.url()));
  await visit.locator('#visit-submit').click();
  const response = await recorded;
  expect(response.status()).toBe(201);
  expect(await response.json()).toMatchObject({
    outcome: 'fixed',
    attemptsLeft: 0,
    followUp: null,
    attempts: [{ attempt: 1, reached: true, level: 'very_satisfied', fixed: true, note }],
  });
  expect(await visit.locator('#visit-outcome .card__title').innerText()).toBe('回访完成：问题已解决');
  expect(await visit.locator('#visit-attempt-1 .attempt__result').innerText()).toBe('满意 · 问题已解决');
  expect(await visit.locator('#visit-submit').count()).toBe(0);
}
