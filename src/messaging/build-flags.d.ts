/** Defined by build.mjs: true in dev/test builds (demo page, open shadow root, e2e hooks), false in release. */
declare const __DEV__: boolean;
