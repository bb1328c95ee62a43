/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.scss';

/** Server origin, set at build time (config/index.ts). '' means same origin (H5). */
declare const API_BASE: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5';
  }
}
