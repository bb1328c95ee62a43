/** The mini-program is the field's: the desk console is H5 only (desk-console.h5.tsx). */
export type DeskView =
  | { kind: 'queue'; queueId?: number; ticketId?: number }
  | { kind: 'intake' }
  | { kind: 'ticket'; ticketId: number }
  | { kind: 'customers'; accountNo?: string };

export function DeskConsole(_props: { initial: DeskView }) {
  return null;
}
