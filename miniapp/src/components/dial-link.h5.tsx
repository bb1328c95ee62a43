import type { ReactNode } from 'react';

/** H5: a plain tel: link, which every mobile browser dials. */
export function DialLink({
  id,
  phone,
  className,
  children,
}: {
  id: string;
  phone: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <a id={id} className={className} href={`tel:${phone}`}>
      {children}
    </a>
  );
}
