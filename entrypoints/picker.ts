import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { pickerLanguage, startPicker } from '@/utils/teach/picker';

/**
 * 教我识别: not in the manifest. The background (from the overlay) or the popup injects it into every frame of the
 * tab, on a portal the clerk enabled, only when asked (`scripting.executeScript`); it is never web-accessible.
 */
export default defineUnlistedScript({
  globalName: false,
  async main() {
    startPicker(await pickerLanguage());
  },
});
