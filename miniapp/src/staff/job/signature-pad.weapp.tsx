import { Canvas } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { INK, type SignaturePadHandle, type SignaturePadProps } from './signature';

/** The canvas node of a `type="2d"` Canvas, as the selector query hands it over. */
interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): CanvasRenderingContext2D;
}

/** Canvas touches carry x/y relative to the canvas. */
type CanvasTouchEvent = { touches: { x: number; y: number }[] };

/**
 * WeChat: a 2d Canvas drawn with the finger, exported with canvasToTempFilePath. disableScroll
 * keeps the page still while the resident signs.
 */
export const SignaturePad = forwardRef<SignaturePadHandle, SignaturePadProps>(function SignaturePad({ id }, ref) {
  const node = useRef<CanvasNode | null>(null);
  const ctx = useRef<CanvasRenderingContext2D | null>(null);
  const size = useRef({ width: 0, height: 0 });
  const drawn = useRef(false);

  function paper() {
    const c = ctx.current;
    if (!c) return;
    c.fillStyle = INK.paper;
    c.fillRect(0, 0, size.current.width, size.current.height);
    c.strokeStyle = INK.ink;
    c.lineWidth = INK.width;
    c.lineCap = 'round';
    c.lineJoin = 'round';
    drawn.current = false;
  }

  useEffect(() => {
    // The node exists once the page has rendered the canvas.
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: { node?: CanvasNode; width: number; height: number }[]) => {
          const found = res?.[0];
          if (!found?.node) return;
          const ratio = Taro.getWindowInfo().pixelRatio || 1;
          found.node.width = found.width * ratio;
          found.node.height = found.height * ratio;
          node.current = found.node;
          ctx.current = found.node.getContext('2d');
          ctx.current.scale(ratio, ratio);
          size.current = { width: found.width, height: found.height };
          paper();
        });
    });
  }, [id]);

  useImperativeHandle(ref, () => ({
    clear: paper,
    async toFile() {
      if (!drawn.current || !node.current) return null;
      const { tempFilePath } = await Taro.canvasToTempFilePath({
        canvas: node.current as unknown as Taro.Canvas,
        fileType: 'jpg',
        quality: 0.9,
      });
      return tempFilePath;
    },
  }));

  const start = (e: CanvasTouchEvent) => {
    const t = e.touches[0];
    if (!ctx.current || !t) return;
    ctx.current.beginPath();
    ctx.current.moveTo(t.x, t.y);
  };
  const move = (e: CanvasTouchEvent) => {
    const t = e.touches[0];
    if (!ctx.current || !t) return;
    ctx.current.lineTo(t.x, t.y);
    ctx.current.stroke();
    drawn.current = true;
  };

  return (
    <Canvas
      id={id}
      type="2d"
      className="signature__canvas"
      disableScroll
      onTouchStart={(e) => start(e as unknown as CanvasTouchEvent)}
      onTouchMove={(e) => move(e as unknown as CanvasTouchEvent)}
    />
  );
});
