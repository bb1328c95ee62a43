import { Injectable, Logger } from '@nestjs/common';

/**
 * Who must know that a payment's money went back to the payer: the invoices module reverses the payment's
 * invoice. Payments cannot import invoices, so they add themselves here at start
 * (docs/architecture.md#modules: the lower module exposes a port, the higher one binds it).
 */
@Injectable()
export class RefundListeners {
  private readonly logger = new Logger(RefundListeners.name);
  private readonly listeners: Array<(paymentId: number) => Promise<void>> = [];

  add(listener: (paymentId: number) => Promise<void>): void {
    this.listeners.push(listener);
  }

  /** After the refund is recorded: a listener's failure is logged, never the refund's (each has its own retry). */
  async refunded(paymentId: number): Promise<void> {
    for (const listener of this.listeners)
      await listener(paymentId).catch((error: Error) =>
        this.logger.warn(`after the refund of payment ${paymentId}: ${error.stack ?? error.message}`),
      );
  }
}
