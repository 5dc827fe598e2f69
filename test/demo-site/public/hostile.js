// A case-record page gone bad: compromised, or written to spy on the extension. It loads before
// anything else on the page, tries everything a page can against the overlay, and keeps what it
// learned in `window.hostile.findings` for the end-to-end test to read. Nothing here is the
// extension's: it is the attacker.
(() => {
  const findings = {
    readText: [],
    messages: [],
    framesRead: 0,
    shadowRootsOpened: 0,
    sentToExtension: 0,
    events: [],
    replayed: 0,
  };
  // Kept before the page replaces JSON.stringify below, to record what it hears as it was.
  const stringify = JSON.stringify;

  // Whatever the extension posts through the page's window, the page hears.
  const heard = [];
  window.addEventListener('message', (event) => {
    heard.push(event.data);
    findings.messages.push(typeof event.data === 'string' ? event.data : stringify(event.data));
  });

  // Every DOM event the page can hear, on the window and the document: each standard type (the
  // `on…` handlers), and whatever else is dispatched through them, caught by wrapping dispatchEvent.
  const seenEvents = [];
  const record = (event) => {
    seenEvents.push({ event, target: event.currentTarget });
    findings.events.push(event.type);
  };
  const standardTypes = new Set();
  for (const target of [window, document, HTMLElement.prototype]) {
    for (const key in target) if (key.startsWith('on')) standardTypes.add(key.slice(2));
  }
  for (const type of standardTypes) {
    window.addEventListener(type, record, true);
    document.addEventListener(type, record, true);
  }
  const dispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (event) {
    if ((this === window || this === document) && !standardTypes.has(event.type)) {
      seenEvents.push({ event, target: this });
      findings.events.push(event.type);
    }
    return dispatch.call(this, event);
  };

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
    /** Also listens for these event types, on the window and the document (names the page has learnt). */
    listenFor(types) {
      for (const type of types) {
        window.addEventListener(type, record, true);
        document.addEventListener(type, record, true);
      }
    },
    /**
     * Replays every message and DOM event heard so far, then lookalikes of what an extension might
     * listen for: WXT's content-script start-up message (which stopped WXT content scripts) under
     * the real extension id, messages and events named like the overlay's own, and random ones.
     */
    replay(extensionId) {
      const copy = (event) => {
        const Kind = event.constructor;
        try {
          return new Kind(event.type, event);
        } catch {
          return new CustomEvent(event.type, { bubbles: event.bubbles, detail: event.detail });
        }
      };
      for (const data of heard.slice()) window.postMessage(data, '*');
      for (const { event, target } of seenEvents.slice()) {
        dispatch.call(target ?? document, copy(event));
        findings.replayed++;
      }
      const wxtStarted = `${extensionId}:content:wxt:content-script-started`;
      const lookalikes = [
        wxtStarted,
        'wxt:content-script-started',
        'overlay/remove',
        'overlay/show',
        'page/changed',
        'page/hello',
        'wxt:locationchange',
        `${extensionId}:overlay:wxt:content-script-started`,
      ];
      for (let round = 0; round < 20; round++)
        lookalikes.push(`FORGED-${Math.random().toString(36).slice(2)}`);
      for (const type of lookalikes) {
        for (const contentScriptName of ['content', 'overlay', undefined]) {
          const detail = { contentScriptName, messageId: `FORGED-${Math.random()}` };
          window.postMessage({ type, ...detail, payload: {} }, '*');
          for (const target of [document, window, document.documentElement]) {
            dispatch.call(target, new CustomEvent(type, { detail, bubbles: true }));
            findings.replayed++;
          }
        }
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
