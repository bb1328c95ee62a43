/** What the job page asks of the signature pad, on either platform. */
export interface SignaturePadHandle {
  clear(): void;
  /** The signature as a local image (weapp temp path, H5 blob URL); null while nothing is drawn. */
  toFile(): Promise<string | null>;
}

export interface SignaturePadProps {
  id: string;
}

/** Pen and paper: white ground (a JPEG has no transparency), dark ink. */
export const INK = { paper: '#ffffff', ink: '#111827', width: 3 };
