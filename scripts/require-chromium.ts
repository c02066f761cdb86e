/** `npm run demo` and `npm test` start here: one line naming what to install when Chromium is missing. */
import { requireChromium } from '../tests/support/extension-browser';

requireChromium();
