// Red bar: the page is the leak alarm, and it must not look like any other form.
export default definePageConfig({
  navigationBarTitleText: '燃气泄漏',
  navigationBarBackgroundColor: '#d93026',
  backgroundColor: '#d93026',
});
