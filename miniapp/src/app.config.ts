export default defineAppConfig({
  // Main package: tab-level pages only (docs/architecture.md#miniapp); each feature is a subpackage.
  pages: ['pages/index/index', 'pages/requests/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/auth', pages: ['login', 'privacy'] },
    { root: 'packages/account', pages: ['index'] },
    // The server's progress notices open `packages/requests/detail?id=`.
    { root: 'packages/requests', pages: ['detail'] },
    // Bills, WeChat Pay, receipts, 自助抄表, 代缴 (paying by 户号 without binding), 开发票 (e-invoices) and 充值 (prepaid top-ups).
    { root: 'packages/pay', pages: ['bills', 'detail', 'result', 'records', 'reading', 'proxy', 'invoice', 'top-up'] },
    // 报修 and the 燃气泄漏 alarm (safety instructions first).
    { root: 'packages/repair', pages: ['index', 'emergency'] },
    // 服务评价 of a resolved ticket (from its detail page and its resolved notice).
    { root: 'packages/rating', pages: ['index'] },
    // 投诉 and 举报 (anonymous if the resident wishes).
    { root: 'packages/complaint', pages: ['index', 'report'] },
    // 咨询 (a question, answered within 1 working day) and 建议 (a suggestion).
    { root: 'packages/consult', pages: ['index', 'suggestion'] },
    // 业务办理: 开户, 过户, 停气/复气, 停热/复热 with their documents.
    { root: 'packages/application', pages: ['index'] },
    // 预约安检 (book, reschedule, cancel, reminder) and 我的隐患. Inspection notices open `index?bookingId=`.
    { root: 'packages/inspection', pages: ['index', 'hazards'] },
    // 服务指南 (常见问题, 办事指南, 安全用气, 服务承诺: `knowledge?kind=`), one article, 营业网点. Public.
    { root: 'packages/info', pages: ['knowledge', 'article', 'outlets'] },
    {
      root: 'staff',
      // jobs/job: the technician's field work (我的工单); visits/visit: 回访 tasks; ratings: my ratings;
      // inspections/inspection: the inspector's day (今日安检) and one visit's checklist;
      // inspection-plan: a supervisor opens a plan's slots.
      pages: [
        'login/index',
        'queues/index',
        'queues/queue',
        'ticket/index',
        'intake/index',
        'jobs/index',
        'job/index',
        'visits/index',
        'visits/visit',
        'ratings/index',
        'inspections/index',
        'inspections/inspection',
        'inspection-plan/index',
        // Every staff member's password change (required after a one-time password).
        'password/index',
        // 消息通知: the notification centre (SLA breaches for supervisors…), badge on the staff home.
        'notifications/index',
        // 柜台收费: billing agents record counter payments (cash, POS, transfer) with a receipt number.
        'counter/index',
        // 银行代扣导入: billing agents import the bank's auto-debit result file (CSV).
        'bank-debit/index',
        // 滞纳金减免: supervisors waive an unpaid bill's late fee with a reason.
        'late-fees/index',
        // 发票管理: billing staff list the e-invoices of their district.
        'invoices/index',
        // 停供管理: dispatch declares, moves and restores outages.
        'outages/index',
        // 重大事件: agents declare a major incident and group its calls; dispatch and supervisors close it.
        'incidents/index',
        // 客户查询: a caller's accounts, tickets and whole history (the desk console's, at ≥ 1024 px).
        'customers/index',
        // 知识库管理: supervisors and admins list, search, write and publish articles.
        'knowledge/index',
      ],
    },
    // The operator's console (admins): staff accounts (admin/staff/), 组织与配置 (admin/org/),
    // 客户档案 (admin/accounts/: look-up, edit, deactivation, the CSV/XLSX import with its progress and report) and
    // 变更记录 (admin/audit/: the admins' change log and the personal-data access log).
    {
      root: 'admin',
      pages: [
        'staff/index',
        'staff/edit',
        'org/index',
        'org/districts',
        'org/queues',
        'org/rota',
        'org/tariffs',
        'org/calendar',
        'org/sla',
        'org/return-visits',
        'org/price-list',
        'accounts/index',
        'accounts/detail',
        'accounts/import',
        'audit/index',
      ],
    },
    // Supervisor dashboard and monthly report: its own package, so ECharts stays out of the staff console's.
    { root: 'staff-dashboard', pages: ['index', 'report'] },
  ],
  // The leak page must open at once from the home page: fetch its package while home shows.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/repair'] },
  },
  // 一键报警 and 到达现场 send the phone's location when the person allows it.
  permission: {
    'scope.userLocation': { desc: '报警和上门时向抢修师傅、调度提供您的位置' },
  },
  requiredPrivateInfos: ['getLocation'],
  // Text-only tabs: WeChat makes the icons optional.
  tabBar: {
    color: '#6b7280',
    selectedColor: '#0b5cad',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/requests/index', text: '我的报修' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f6f9',
    navigationBarBackgroundColor: '#0b5cad',
    navigationBarTitleText: '智慧燃气·热力服务',
    navigationBarTextStyle: 'white',
    // Taro's H5 shows its title bar and back button only when asked; the mini-program always has them.
    navigationStyle: 'default',
  },
});
