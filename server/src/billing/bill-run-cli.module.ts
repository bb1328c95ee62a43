import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { CommonModule } from '../common/common.module';
import { AppConfig } from '../common/config';
import { dataSourceOptions } from '../db/data-source-options';
import { WechatClientModule } from '../wechat/wechat.module';
import { WecomClientModule } from '../wecom/wecom.module';
import { BillingModule } from './billing.module';

/**
 * What `npm run bill-run` needs and nothing more: the database, billing and the modules it uses. No
 * JobsModule, so no background job runs, and no fake WeChat or WeChat Pay is started
 * (docs/architecture.md#command-line-tools).
 */
@Module({})
export class BillRunCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: BillRunCliModule,
      imports: [
        CommonModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config)),
        AuditModule,
        WechatClientModule,
        WecomClientModule,
        BillingModule,
      ],
    };
  }
}
