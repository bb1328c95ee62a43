import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TerserPlugin from 'terser-webpack-plugin';
import type { MinifyOptions } from 'terser';
import type Chain from 'webpack-chain';

const isH5 = process.env.TARO_ENV === 'h5';

// H5 is served by the NestJS server at `/`, so it calls its own origin by default.
const apiBase = process.env.API_BASE ?? (isH5 ? '' : 'http://127.0.0.1:3000');

/**
 * Taro splits only initial chunks on H5, so every lazy page chunk carried its own copy of the
 * components and React helpers (≈ 210 KB each); share them across pages instead. Taro's `minSize: 0`
 * then made shared chunks of a few hundred bytes, each a request whose headers (≈ 1 KB) outweigh it:
 * the home page fetched seven of them.
 */
function shareH5PageChunks(chain: Chain) {
  chain.optimization.merge({ splitChunks: { chunks: 'all', minSize: 8 * 1024 } });
}

/**
 * The dashboard's ECharts (with zrender) in a chunk of its own, `js/echarts.*.js`, minified fully:
 * Taro's H5 terser keeps function names and quotes keys for the app's code (≈ 10 % larger), which
 * ECharts does not need (docs/architecture.md#miniapp, the chart chunk's budget).
 */
function chartChunkMinifiedFully(chain: Chain) {
  chain.optimization.merge({
    splitChunks: {
      cacheGroups: {
        echarts: {
          test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/,
          name: 'echarts',
          chunks: 'async',
          priority: 20,
        },
      },
    },
  });
  chain.optimization.minimizer('terserPlugin').tap(([options]) => [{ ...options, exclude: /echarts\./ }]);
  const chartTerser: TerserPlugin.BasePluginOptions & TerserPlugin.DefinedDefaultMinimizerAndOptions<MinifyOptions> = {
    include: /echarts\./,
    extractComments: false,
    terserOptions: { compress: { passes: 2 }, mangle: true, format: { comments: false } },
  };
  // webpack-chain types a generic plugin's options with `unknown` for its minimizer.
  chain.optimization
    .minimizer('chartTerser')
    .use(TerserPlugin, [chartTerser] as unknown as ConstructorParameters<typeof TerserPlugin>);
}

/**
 * `@utility/shared` is compiled from its TypeScript source, as ES modules: its CommonJS build
 * makes webpack keep all of zod (every locale, ≈ 450 KB) where the ESM source lets it shake.
 */
const sharedSource = path.resolve(__dirname, '../../shared/src');
function useSharedSource(chain: Chain) {
  chain.resolve.alias.set('@utility/shared$', path.join(sharedSource, 'index.ts'));
  // Its modules only declare (enums, schemas, functions): a page that needs an enum or the
  // error messages must not pull every zod schema, and zod, into the weapp main package.
  chain.module.rule('shared-source-pure').test(/\.ts$/).include.add(sharedSource).end().set('sideEffects', false);
}

export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'utility-miniapp',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist/h5' : 'dist/weapp',
    plugins: [],
    defineConstants: { API_BASE: JSON.stringify(apiBase) },
    copy: { patterns: [], options: {} },
    framework: 'react',
    // errorLevel 1: a failed compile exits non-zero (Taro's default prints the errors and exits 0).
    compiler: { type: 'webpack5', errorLevel: 1 },
    cache: { enable: false },
    mini: {
      compile: { include: [sharedSource] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        useSharedSource(chain);
      },
    },
    h5: {
      compile: { include: [sharedSource] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        useSharedSource(chain);
        shareH5PageChunks(chain);
        chartChunkMinifiedFully(chain);
      },
    },
  };
  return config;
});
