export default defineAppConfig({
  // Main package: tab-level pages only (STYLE.md); each feature is a subpackage.
  pages: ['pages/index/index', 'pages/requests/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/auth', pages: ['login', 'privacy'] },
    { root: 'packages/account', pages: ['index'] },
    // The server's progress notices open `packages/requests/detail?id=`.
    { root: 'packages/requests', pages: ['detail'] },
    // Bills, WeChat Pay, receipts and 自助抄表.
    { root: 'packages/pay', pages: ['bills', 'detail', 'result', 'records', 'reading'] },
    {
      root: 'staff',
      pages: ['login/index', 'queues/index', 'queue/index', 'ticket/index', 'intake/index'],
    },
  ],
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
})
