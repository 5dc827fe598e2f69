// Code passed to page.evaluate in an extension page runs where `chrome` is the extension API.
declare const chrome: typeof import('@wxt-dev/browser').browser;
