// In-page navigation, as single-page case-record systems do it: links marked
// data-in-page swap the record without a reload and push a history entry.
async function showInPage(url, push) {
  const response = await fetch(url, { headers: { accept: 'text/html' } });
  const next = new DOMParser().parseFromString(await response.text(), 'text/html');
  const app = document.getElementById('app');
  const nextApp = next.getElementById('app');
  if (!app || !nextApp) {
    window.location.assign(url);
    return;
  }
  app.replaceChildren(...Array.from(nextApp.childNodes).map((node) => document.importNode(node, true)));
  document.title = next.title;
  if (push) history.pushState({ inPage: true }, '', url);
  document.getElementById('main')?.focus({ preventScroll: true });
}

document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-in-page]') : null;
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  showInPage(link.href, true);
});

window.addEventListener('popstate', () => showInPage(window.location.href, false));

// Rich-text and framed editors keep their text outside the form; copy it in on save.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  const hidden = form.querySelector('input[type=hidden][name=note]');
  if (!hidden) return;
  const rich = form.querySelector('[contenteditable=true]');
  const frame = form.querySelector('iframe');
  const source = rich ?? frame?.contentDocument?.body;
  // biome-ignore lint/performance/useDomNodeTextContent: innerText keeps the editor's line breaks, as a real save would.
  hidden.value = source ? source.innerText : '';
});
