import { Canvas } from '@tarojs/components';
import Taro, { useReady } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { dayAt, echarts, type ChartOption } from './echarts-setup';

type Chart = ReturnType<typeof echarts.init>;
interface CanvasNode {
  width: number;
  height: number;
  getContext: (type: '2d') => unknown;
}

/** What zrender asks of a canvas, over a mini-program canvas 2d node (as echarts-for-weixin does). */
function wxCanvas(node: CanvasNode) {
  const ctx = node.getContext('2d');
  return {
    getContext: (type: string) => (type === '2d' ? ctx : null),
    addEventListener() {},
    attachEvent() {},
    detachEvent() {},
    get width() {
      return node.width;
    },
    set width(w: number) {
      node.width = w;
    },
    get height() {
      return node.height;
    },
    set height(h: number) {
      node.height = h;
    },
  };
}

// Text measuring needs a canvas of its own.
echarts.setPlatformAPI({
  createCanvas: () => Taro.createOffscreenCanvas({ type: '2d', width: 1, height: 1 }) as never,
});

interface Props {
  id: string;
  option: ChartOption;
  days: number;
  /** The day tapped (its index), for the page to read it out. */
  onPick: (index: number) => void;
}

/**
 * Weapp: a `<canvas type="2d">`, found once the page is ready, handed to ECharts with its size.
 * Touches on a 2d canvas carry their point in its own pixels: the day under the finger is picked.
 */
export function DailyChart({ id, option, days, onPick }: Props) {
  const chart = useRef<Chart | null>(null);
  const latest = useRef(option);
  latest.current = option;

  useReady(() => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res) => {
        const found = res?.[0] as { node: CanvasNode; width: number; height: number } | undefined;
        if (!found?.node) return;
        const dpr = Taro.getWindowInfo().pixelRatio;
        found.node.width = found.width * dpr;
        found.node.height = found.height * dpr;
        chart.current = echarts.init(wxCanvas(found.node) as never, undefined, {
          width: found.width,
          height: found.height,
          devicePixelRatio: dpr,
        });
        chart.current.setOption(latest.current);
      });
  });
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  useEffect(() => () => chart.current?.dispose(), []);
  function picked(touch: { x: number; y: number } | undefined) {
    const index = chart.current && touch ? dayAt(chart.current, [touch.x, touch.y], days) : null;
    if (index !== null) onPick(index);
  }
  return <Canvas type="2d" id={id} className="daily-chart" onTouchEnd={(e) => picked(e.changedTouches[0])} />;
}
