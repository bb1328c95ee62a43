import { forwardRef, useEffect, useImperativeHandle, useRef, type PointerEvent } from 'react';
import { INK, type SignaturePadHandle, type SignaturePadProps } from './signature';

/**
 * H5: a plain <canvas> drawn with pointer events (finger, pen or mouse), exported as a JPEG blob
 * URL, which Taro's uploadFile sends like a photo from the album.
 */
export const SignaturePad = forwardRef<SignaturePadHandle, SignaturePadProps>(function SignaturePad({ id }, ref) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const ctx = useRef<CanvasRenderingContext2D | null>(null);
  const pen = useRef(false);
  const drawn = useRef(false);

  function paper() {
    const el = canvas.current;
    const c = ctx.current;
    if (!el || !c) return;
    c.save();
    c.setTransform(1, 0, 0, 1, 0, 0);
    c.fillStyle = INK.paper;
    c.fillRect(0, 0, el.width, el.height);
    c.restore();
    c.strokeStyle = INK.ink;
    c.lineWidth = INK.width;
    c.lineCap = 'round';
    c.lineJoin = 'round';
    drawn.current = false;
  }

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const ratio = window.devicePixelRatio || 1;
    const box = el.getBoundingClientRect();
    el.width = Math.round(box.width * ratio);
    el.height = Math.round(box.height * ratio);
    ctx.current = el.getContext('2d');
    ctx.current?.scale(ratio, ratio);
    paper();
  }, []);

  useImperativeHandle(ref, () => ({
    clear: paper,
    toFile: () =>
      new Promise<string | null>((resolve) => {
        const el = canvas.current;
        if (!drawn.current || !el) return resolve(null);
        el.toBlob((blob) => resolve(blob ? URL.createObjectURL(blob) : null), 'image/jpeg', 0.9);
      }),
  }));

  const at = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!ctx.current) return;
    pen.current = true;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const p = at(e);
    ctx.current.beginPath();
    ctx.current.moveTo(p.x, p.y);
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!pen.current || !ctx.current) return;
    const p = at(e);
    ctx.current.lineTo(p.x, p.y);
    ctx.current.stroke();
    drawn.current = true;
  };
  const up = () => {
    pen.current = false;
  };

  return (
    <canvas
      id={id}
      ref={canvas}
      className="signature__canvas"
      style={{ touchAction: 'none' }}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerLeave={up}
    />
  );
});
