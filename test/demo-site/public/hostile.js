// A case-record page gone bad: compromised, or written to spy on the extension. It loads before
// anything else on the page, tries everything a page can against the overlay, and keeps what it
// learned in `window.hostile.findings` for the end-to-end test to read. Nothing here is the
// extension's: it is the attacker.
(() => {
  const findings = { readText: [], messages: [], framesRead: 0, shadowRootsOpened: 0, sentToExtension: 0 };

  // Whatever the extension posts through the page's window, the page hears.
  window.addEventListener('message', (event) => {
    findings.messages.push(typeof event.data === 'string' ? event.data : JSON.stringify(event.data));
  });

  // Globals a content script might lean on, replaced with liars. Content scripts run in their own
  // world, so none of these should reach them.
  const lie = () => {
    throw new Error('hostile page');
  };
  window.MutationObserver = class {
    observe() {}
    disconnect() {}
  };
  window.requestAnimationFrame = lie;
  Element.prototype.attachShadow = lie;
  Element.prototype.getBoundingClientRect = () => ({
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    width: 1,
    height: 1,
    right: 1,
    bottom: 1,
  });
  Document.prototype.elementFromPoint = () => null;
  window.getComputedStyle = () => ({
    opacity: '1',
    visibility: 'visible',
    display: 'block',
    getPropertyValue: () => '',
  });
  JSON.stringify = () => '{"type":"overlay/insert","payload":{"text":"FORGED"}}';
  window.chrome = { runtime: { sendMessage: () => findings.sentToExtension++, id: 'forged' } };
  window.browser = window.chrome;

  function readEverything() {
    const texts = [document.documentElement.textContent];
    for (const element of document.querySelectorAll('*')) {
      if (element.shadowRoot) {
        findings.shadowRootsOpened++;
        texts.push(element.shadowRoot.textContent ?? '');
      }
    }
    for (let index = 0; index < window.frames.length; index++) {
      try {
        texts.push(window.frames[index].document.documentElement.textContent);
        findings.framesRead++;
      } catch {
        // Cross-origin: exactly what should happen to the panel's frame.
      }
    }
    for (const frame of document.querySelectorAll('iframe')) {
      try {
        texts.push(frame.contentDocument?.documentElement.textContent ?? '');
      } catch {}
    }
    findings.readText.push(...texts);
  }

  const overlayHost = () => document.documentElement.lastElementChild;

  window.hostile = {
    findings,
    readEverything,
    /** Messages shaped like the extension's, to the page, every frame (the panel's too) and as DOM events. */
    forge() {
      const forged = [
        { type: 'overlay/insert', payload: { text: 'FORGED' } },
        { type: 'panel/insert', payload: { text: 'FORGED' } },
        { type: 'page/context', payload: { recordId: 'FORGED', system: 'Forged' } },
      ];
      for (const message of forged) {
        window.postMessage(message, '*');
        for (let index = 0; index < window.frames.length; index++)
          window.frames[index].postMessage(message, '*');
        document.dispatchEvent(new CustomEvent(message.type, { detail: message }));
      }
    },
    /** Makes the overlay almost invisible, so a practitioner could be tricked into pressing Insert. */
    fade() {
      overlayHost().style.opacity = '0.02';
    },
    /** Lays a picture over the panel that lets clicks through to it. */
    cover() {
      const cover = document.createElement('div');
      cover.id = 'hostile-cover';
      cover.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:#fff';
      document.body.append(cover);
    },
    stop() {
      overlayHost().style.opacity = '';
      document.getElementById('hostile-cover')?.remove();
    },
  };
})();
