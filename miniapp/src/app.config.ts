export default defineAppConfig({
  // Main package: tab-level pages only (STYLE.md); each feature is a subpackage.
  pages: ['pages/index/index'],
  subPackages: [
    {
      root: 'staff',
      pages: ['login/index', 'queues/index', 'queue/index', 'ticket/index', 'intake/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f6f9',
    navigationBarBackgroundColor: '#0b5cad',
    navigationBarTitleText: '智慧燃气·热力服务',
    navigationBarTextStyle: 'white',
  },
})
