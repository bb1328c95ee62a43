import { useEffect, useState } from 'react';

/** At this width and up (a desk's screen), the staff console is the desk console. */
export const DESK_MIN_WIDTH = 1024;
const QUERY = `(min-width: ${DESK_MIN_WIDTH}px)`;

function matches(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(QUERY).matches;
}

/** Whether the browser is desk-wide; follows the window as it is resized. */
export function useDeskLayout(): boolean {
  const [desk, setDesk] = useState(matches);
  useEffect(() => {
    if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return;
    const media = window.matchMedia(QUERY);
    const follow = () => setDesk(media.matches);
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, []);
  return desk;
}
