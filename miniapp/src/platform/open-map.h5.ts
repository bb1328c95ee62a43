import type { ServiceOutletView } from '@utility/shared';

/** H5: the web map (the browser has no native map sheet). */
export function openMap(outlet: ServiceOutletView): void {
  window.open(outlet.mapUrl, '_blank');
}
