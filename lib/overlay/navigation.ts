/**
 * Follows in-page navigation: history.pushState and replaceState (which fire
 * no event a content script can hear directly), popstate and hash changes.
 * The Navigation API reports all of them at once where the browser passes its
 * events to content scripts; a cheap check of the address every quarter second
 * covers the rest (Firefox ESR does not pass them on). Calls `onChange` once
 * per new address. Returns the function that stops following.
 */
export function followNavigation(window: Window, onChange: (href: string) => void): () => void {
  let last = window.location.href;
  const check = () => {
    const href = window.location.href;
    if (href === last) return;
    last = href;
    onChange(href);
  };
  window.addEventListener('popstate', check);
  window.addEventListener('hashchange', check);
  const navigation = (window as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', check);
  const poll = window.setInterval(check, 250);
  return () => {
    window.removeEventListener('popstate', check);
    window.removeEventListener('hashchange', check);
    navigation?.removeEventListener('currententrychange', check);
    window.clearInterval(poll);
  };
}

/**
 * Calls `onSettle` whenever the page's content changes, at most every 100 ms,
 * for `forMs` after each call of the returned `watch()`: single-page systems
 * often change the address first and draw the new record a moment later.
 */
export function watchPageBriefly(window: Window, onSettle: () => void, forMs = 3000) {
  let timer: number | undefined;
  let until = 0;
  const observer = new MutationObserver(() => {
    if (Date.now() > until) {
      observer.disconnect();
      return;
    }
    timer ??= window.setTimeout(() => {
      timer = undefined;
      onSettle();
    }, 100);
  });
  return {
    watch() {
      until = Date.now() + forMs;
      if (window.document.body) {
        observer.observe(window.document.body, { childList: true, subtree: true, characterData: true });
      }
    },
    stop() {
      observer.disconnect();
      if (timer !== undefined) window.clearTimeout(timer);
    },
  };
}
