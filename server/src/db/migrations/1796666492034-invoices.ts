import { MigrationInterface, QueryRunner } from 'typeorm';

/** E-invoices of payments (docs/domain.md#invoices): one current invoice per payment, fapiao ids unique. */
export class Invoices1796666492034 implements MigrationInterface {
  name = 'Invoices1796666492034';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `invoice` (`id` int NOT NULL AUTO_INCREMENT, `paymentId` int NOT NULL, `currentPaymentId` int NULL, `residentId` int NOT NULL, `accountId` int NOT NULL, `districtId` int NOT NULL, `accountNo` varchar(10) NOT NULL, `orderNo` varchar(32) NOT NULL, `itemKind` varchar(10) NOT NULL, `subject` varchar(64) NOT NULL, `amountFen` int NOT NULL, `titleKind` varchar(10) NOT NULL, `titleName` varchar(100) NOT NULL, `taxNo` varchar(18) NULL, `status` varchar(10) NOT NULL, `fapiaoApplyId` varchar(32) NOT NULL, `fapiaoId` varchar(32) NOT NULL, `submitted` tinyint NOT NULL DEFAULT 0, `fapiaoCode` varchar(20) NULL, `fapiaoNumber` varchar(20) NULL, `cardStatus` varchar(20) NULL, `replacesId` int NULL, `requestedAt` datetime(3) NOT NULL, `issuedAt` datetime(3) NULL, `reversedAt` datetime(3) NULL, INDEX `IDX_03ccf846238db85401525e07cd` (`paymentId`), INDEX `IDX_e0bcead3523f9a50cadc2970a8` (`residentId`), INDEX `IDX_39e80e2f1c933df0f45091a251` (`districtId`), INDEX `IDX_0befa71eaaa2f66c05184a74d0` (`replacesId`), INDEX `IDX_47074060939069133447f35f6d` (`status`, `requestedAt`), UNIQUE INDEX `IDX_9055301b4dc4d783d3252edd73` (`currentPaymentId`), UNIQUE INDEX `IDX_9166e8326abb3d5069a4c69b45` (`fapiaoId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `invoice`');
  }
}
