import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { ARTIFACTS_DIR, eventually, fullPageScreenshot, pageSettled, staffLogin, step } from '../support/browser';
import { useJourney } from '../support/journey';
import { api, staffToken } from '../support/server-process';

declare const TEST_DATABASE: 'sqlite' | 'mariadb';

const CALL = {
  type: 'repair',
  accountNo: '9100000001',
  address: '城东区幸福路11号',
  contactName: '林女士',
  contactPhone: '13812345678',
  channel: 'phone',
};

/** Pixels of a chart's canvas in a colour (the series colours of dashboard-options.ts), and all drawn pixels. */
async function inked(page: Page, chartId: string, rgb: [number, number, number]) {
  return page.evaluate(
    ({ chartId, rgb }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`#${chartId} canvas`);
      if (!canvas || !canvas.width || !canvas.height) return { colour: 0, drawn: 0 };
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let colour = 0;
      let drawn = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] === 0) continue;
        drawn++;
        if (Math.abs(data[i] - rgb[0]) < 8 && Math.abs(data[i + 1] - rgb[1]) < 8 && Math.abs(data[i + 2] - rgb[2]) < 8)
          colour++;
      }
      return { colour, drawn };
    },
    { chartId, rgb },
  );
}

async function streamToBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/**
 * A supervisor opens the dashboard from the queue list: the queue-health table as the API counts
 * it, and the three 30-day charts drawn by ECharts with today's intake and on-time rate in them.
 */
describe('browser', () => {
  const journey = useJourney();

  it('supervisor dashboard', async () => {
    const base = journey.server.url;
    const agent = await staffToken(base, 'agent1');
    // Three phone calls today: received (intake bars) and answered at once (respond clocks met: on-time line).
    for (const description of ['燃气灶打不着火', '燃气表不走字', '暖气片不热']) {
      const res = await api(base, 'POST', '/api/tickets', agent, { ...CALL, description });
      expect(res.status).toBe(201);
    }
    const supervisorToken = await staffToken(base, 'supervisor1');
    const expected = (await api(base, 'GET', '/api/reports/dashboard', supervisorToken)).body;
    const repairQueue = expected.queues.find((q: { code: string }) => q.code === 'repair-east-heat');
    expect(repairQueue.counts.open).toBe(3);
    expect(expected.days.at(-1)).toMatchObject({ intake: 3, onTimeRate: 1, satisfactionRate: null });

    const supervisor = await journey.phone();
    const { page } = supervisor;
    await step(supervisor, 'open-dashboard', async () => {
      await staffLogin(page, 'supervisor1');
      await page.locator('#dashboard-entry').click();
      await page.waitForURL(/#\/staff-dashboard\/index/);
      await pageSettled(page);
    });
    await step(supervisor, 'queue-health', async () => {
      const row = page.locator('#health-repair-east-heat');
      await row.waitFor();
      expect((await row.innerText()).split(/\s+/)).toEqual(['东城供热站报修', '3', '0', '0']);
      expect(await page.locator('#queue-health .health-row').count()).toBe(expected.queues.length + 1);
    });
    await step(supervisor, 'charts', async () => {
      await eventually(async () => {
        // Bars of #0b5cad, the on-time line of #16a34a; the satisfaction chart has its axes but no rating yet.
        const intake = await inked(page, 'chart-intake', [11, 92, 173]);
        const onTime = await inked(page, 'chart-on-time', [22, 163, 74]);
        const satisfaction = await inked(page, 'chart-satisfaction', [217, 119, 6]);
        expect(intake.colour).toBeGreaterThan(100);
        expect(onTime.colour).toBeGreaterThan(20);
        expect(satisfaction.drawn).toBeGreaterThan(500);
        expect(satisfaction.colour).toBe(0);
      });
      expect(await page.locator('text=近30天暂无评价').count()).toBe(1);
      // No ECharts tooltip: a tap on today's bar (the plot's right end) reads today out under the title.
      const chart = page.locator('#chart-intake');
      const box = (await chart.boundingBox())!;
      await chart.click({ position: { x: box.width - 16, y: box.height / 2 } });
      const today = (expected.days.at(-1).date as string).slice(5);
      await eventually(async () =>
        expect(await page.locator('#chart-intake-readout').innerText()).toBe(`${today} 受理量 3 件`),
      );
      await page.waitForTimeout(300);
      await fullPageScreenshot(page, join(ARTIFACTS_DIR, `supervisor-dashboard-${TEST_DATABASE}.png`));
    });
    await step(supervisor, 'monthly-report', async () => {
      await page.locator('#report-entry').click();
      await page.waitForURL(/#\/staff-dashboard\/report/);
      await pageSettled(page);
      // Last month: nothing was received then in this fresh database.
      await page.locator('#report-figures').waitFor();
      expect(await page.locator('#report-figures').innerText()).toContain('工单（共0件）');
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-xlsx').click()]);
      const book = new ExcelJS.Workbook();
      const xlsx = await streamToBuffer(await download.createReadStream());
      // exceljs types its input as its own `Buffer extends ArrayBuffer`, which no Node Buffer matches under
      // TypeScript 6's typed arrays; at run time it reads a Node Buffer (as the server's report spec does).
      await book.xlsx.load(xlsx as unknown as Parameters<typeof book.xlsx.load>[0]);
      expect(book.worksheets.map((w) => w.name)).toEqual([
        '概况',
        '工单分类',
        '时效',
        '渠道',
        '服务质量',
        '安全隐患',
        '缴费与欠费',
        '停供',
        '人员',
      ]);
    });
    expect(supervisor.problems).toEqual([]);
  });
});
