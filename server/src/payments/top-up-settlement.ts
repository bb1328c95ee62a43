import { Injectable } from '@nestjs/common';

/** A paid top-up order, as the prepaid ledger needs it. */
export interface PaidTopUp {
  topUpId: number;
  accountId: number;
  orderNo: string;
  amountFen: number;
  paidAt: Date;
}

/**
 * What the prepaid module does when a top-up order is paid, closed or refunded. Payments cannot import
 * prepaid (prepaid orders through payments), so prepaid binds this port at start
 * (docs/architecture.md#modules: the lower module exposes a port, the higher one binds it).
 */
export interface TopUpLedgerPort {
  /** In the crediting transaction; runs again if that transaction is retried. */
  credit(paid: PaidTopUp): Promise<void>;
  /** The order closed unpaid (expired, or replaced by a newer top-up of the account). */
  closed(topUpId: number): Promise<void>;
  /** In the refund's transaction: the money went back to the payer. */
  refunded(topUpId: number, amountFen: number): Promise<void>;
}

@Injectable()
export class TopUpSettlement {
  private port: TopUpLedgerPort | null = null;

  bind(port: TopUpLedgerPort): void {
    this.port = port;
  }

  get ledger(): TopUpLedgerPort {
    // A top-up order exists only when the prepaid module made it: it is loaded, so this is bound.
    if (!this.port) throw new Error('No prepaid ledger bound: PrepaidModule is not loaded');
    return this.port;
  }
}
