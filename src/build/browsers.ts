// The oldest browsers Verbatim supports (README, "Browsers"). The build lowers syntax to them and
// tests/engines/floor.test.ts fails on anything in dist/ they cannot parse or lack (#13).
// Safari 15.4 is iOS 15.4 (every iPhone browser is WebKit); Firefox 115 is the oldest ESR still
// in use; Chrome and Edge 109 are the last on Windows 7/8.
export const BROWSER_FLOOR = ['safari15.4', 'ios15.4', 'firefox115', 'chrome109', 'edge109'];

/**
 * What the build lowers syntax for: the floor, except that class fields are left as they are for
 * Safari 15.4 and the one Safari 15 bug with them is worked around by class-fields.ts (#11).
 */
export const BUILD_TARGET = BROWSER_FLOOR.map((b) => b.replace(/^(safari|ios)15\.4$/, '$116'));
