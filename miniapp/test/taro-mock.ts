/**
 * The slice of `@tarojs/taro` the miniapp uses, for jest (jsdom). Storage is an in-memory map,
 * navigation and toasts are recorded, `request` is a jest mock each test programs.
 */
import { useEffect } from 'react';

const storage = new Map<string, string>();
let routerParams: Record<string, string> = {};

export const request = jest.fn();
export const showToast = jest.fn(async () => ({ errMsg: 'showToast:ok' }));
export const navigateTo = jest.fn(async () => ({ errMsg: 'navigateTo:ok' }));
export const redirectTo = jest.fn(async () => ({ errMsg: 'redirectTo:ok' }));
export const reLaunch = jest.fn(async () => ({ errMsg: 'reLaunch:ok' }));
export const setNavigationBarTitle = jest.fn(async () => ({ errMsg: 'setNavigationBarTitle:ok' }));
export const stopPullDownRefresh = jest.fn();
export const makePhoneCall = jest.fn(async () => ({ errMsg: 'makePhoneCall:ok' }));
export const switchTab = jest.fn(async () => ({ errMsg: 'switchTab:ok' }));
/** The person's answer to a confirm dialog: program it with `showModal.mockResolvedValueOnce`. */
export const showModal = jest.fn(async () => ({ confirm: true, cancel: false, errMsg: 'showModal:ok' }));
export const login = jest.fn(async () => ({ code: 'wx-code-1', errMsg: 'login:ok' }));
export const requestSubscribeMessage = jest.fn();
export const navigateBack = jest.fn(async () => ({ errMsg: 'navigateBack:ok' }));
export const showLoading = jest.fn(async () => ({ errMsg: 'showLoading:ok' }));
export const hideLoading = jest.fn(async () => ({ errMsg: 'hideLoading:ok' }));
export const pageScrollTo = jest.fn(async () => ({ errMsg: 'pageScrollTo:ok' }));
export const setClipboardData = jest.fn(async () => ({ errMsg: 'setClipboardData:ok' }));
/** Programmed by each test, like `request`: answers `{ statusCode, data }` with data as text. */
export const uploadFile = jest.fn();
export const downloadFile = jest.fn();
export const previewImage = jest.fn(async () => ({ errMsg: 'previewImage:ok' }));
export const requestPayment = jest.fn(async () => ({ errMsg: 'requestPayment:ok' }));
export const chooseMedia = jest.fn(async () => ({
  type: 'image',
  tempFiles: [{ tempFilePath: 'wxfile://tmp/dial.jpg', size: 120000, fileType: 'image' }],
  errMsg: 'chooseMedia:ok',
}));

/** The weapp's location (H5 code reads navigator.geolocation instead). */
export const getLocation = jest.fn(async () => ({
  latitude: 30.27415,
  longitude: 120.15515,
  errMsg: 'getLocation:ok',
}));
export const canvasToTempFilePath = jest.fn(async () => ({
  tempFilePath: 'wxfile://tmp/signature.jpg',
  errMsg: 'canvasToTempFilePath:ok',
}));

/** Like the weapp: a missing key reads as ''. Values go through JSON, as real storage serialises them. */
export function getStorageSync(key: string): unknown {
  return storage.has(key) ? JSON.parse(storage.get(key)!) : '';
}
export function setStorageSync(key: string, value: unknown): void {
  storage.set(key, JSON.stringify(value));
}
export function removeStorageSync(key: string): void {
  storage.delete(key);
}

/** A page is shown once, when it mounts. */
export function useDidShow(callback: () => void): void {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- as Taro's hook: once per showing, whatever the callback's identity
  useEffect(() => callback(), []);
}
export function usePullDownRefresh(): void {}
export function useRouter() {
  return { params: routerParams, path: '' };
}

// Test helpers (not part of Taro).
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}
export function resetTaroMock(): void {
  storage.clear();
  routerParams = {};
  jest.clearAllMocks();
  request.mockReset();
  requestSubscribeMessage.mockReset();
  uploadFile.mockReset();
  downloadFile.mockReset();
}

const Taro = {
  request,
  showToast,
  navigateTo,
  redirectTo,
  reLaunch,
  setNavigationBarTitle,
  stopPullDownRefresh,
  makePhoneCall,
  switchTab,
  showModal,
  login,
  requestSubscribeMessage,
  navigateBack,
  showLoading,
  hideLoading,
  pageScrollTo,
  setClipboardData,
  uploadFile,
  downloadFile,
  previewImage,
  requestPayment,
  chooseMedia,
  getLocation,
  canvasToTempFilePath,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
};
export default Taro;
