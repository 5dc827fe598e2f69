// The bundled demo case-record system: fictional children, server-rendered pages
// shaped like the children's systems practitioners use, and in-page navigation
// between children (history.pushState, no reload). No dependencies, so `npm start`
// and every e2e test can serve it from plain Node; only the editors page
// (/notes-editors) bundles the editors from the dev dependencies, on its first request.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const children = JSON.parse(readFileSync(join(here, 'children.json'), 'utf8'));
const publicFiles = {
  '/demo.css': 'text/css; charset=utf-8',
  '/demo.js': 'text/javascript; charset=utf-8',
  '/editor-frame.html': 'text/html; charset=utf-8',
  '/hostile.js': 'text/javascript; charset=utf-8',
};

export const DEFAULT_DEMO_PORT = 8765;

const escapeHtml = (text) =>
  String(text).replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char],
  );

const formatDob = (iso) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: '2-digit',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** How long the demo's slow image takes: longer than the overlay waits for a page to load. */
const SLOW_IMAGE_MS = 20_000;

function layout({ title, body, header = '', hostile = false, slow = false }) {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Demo Case Record System</title>
<link rel="stylesheet" href="/demo.css">
${hostile ? '<script src="/hostile.js"></script>\n' : ''}<script src="/demo.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
${slow ? '<img src="/slow-image" alt="" width="1" height="1">\n' : ''}
<div class="banner" role="banner">
  <span class="product">Demo Case Record System</span>
  <span class="notice">Fictional data for demonstration only</span>
  <nav aria-label="Main"><a href="/children">Children</a></nav>
</div>
<div id="app">
${header}
<main id="main">
${body}
</main>
</div>
</body>
</html>`;
}

function personHeader(child) {
  return `<section class="person-header" aria-label="Person details">
  <h1 class="person-name">${escapeHtml(child.name)}</h1>
  <dl>
    <div><dt>Date of birth</dt><dd class="dob">${formatDob(child.dateOfBirth)}</dd></div>
    <div><dt>Person ID</dt><dd class="person-id">${escapeHtml(child.id)}</dd></div>
    <div><dt>Status</dt><dd>${escapeHtml(child.status)}</dd></div>
  </dl>
</section>`;
}

function recordTabs(child, current) {
  const tabs = [
    ['', 'Summary'],
    ['/notes', 'Case notes'],
    ['/notes-rich', 'Case notes (rich text)'],
    ['/notes-frame', 'Case notes (editor frame)'],
  ];
  return `<nav class="tabs" aria-label="Record sections">${tabs
    .map(
      ([suffix, label]) =>
        `<a href="/children/${child.id}${suffix}"${suffix === current ? ' aria-current="page"' : ''}>${label}</a>`,
    )
    .join('')}</nav>`;
}

function otherChildren(child) {
  const others = children.filter((other) => other.id !== child.id);
  return `<section aria-labelledby="linked"><h2 id="linked">Other records on your caseload</h2>
<ul class="linked">${others
    .map(
      (other) =>
        `<li><a data-in-page href="/children/${other.id}">${escapeHtml(other.name)} (${other.id})</a></li>`,
    )
    .join('')}</ul></section>`;
}

const savedNotes = new Map();

function notesList(child) {
  const notes = savedNotes.get(child.id) ?? [];
  if (notes.length === 0) return '<p class="empty">No case notes saved in this demo session.</p>';
  return `<ol class="saved-notes">${notes
    .map((note) => `<li><pre>${escapeHtml(note)}</pre></li>`)
    .join('')}</ol>`;
}

const pages = {
  '': (child) => `${recordTabs(child, '')}
<h2>Summary</h2>
<dl class="summary">
  <div><dt>Allocated worker</dt><dd>${escapeHtml(child.allocatedWorker)}</dd></div>
  <div><dt>Team</dt><dd>${escapeHtml(child.team)}</dd></div>
</dl>
${otherChildren(child)}`,
  '/notes': (child) => `${recordTabs(child, '/notes')}
<h2>Case notes</h2>
<form method="post" class="note-form">
  <label for="note">New case note</label>
  <textarea id="note" name="note" rows="12" cols="80"></textarea>
  <button type="submit">Save note</button>
</form>
${notesList(child)}`,
  '/notes-rich': (child) => `${recordTabs(child, '/notes-rich')}
<h2>Case notes (rich text)</h2>
<form method="post" class="note-form" data-rich-form>
  <span id="rich-label">New case note</span>
  <div class="rich-editor" contenteditable="true" role="textbox" aria-multiline="true" aria-labelledby="rich-label"></div>
  <input type="hidden" name="note">
  <button type="submit">Save note</button>
</form>
${notesList(child)}`,
  '/notes-frame': (child) => `${recordTabs(child, '/notes-frame')}
<h2>Case notes (editor frame)</h2>
<form method="post" class="note-form" data-frame-form>
  <iframe class="editor-frame" src="/editor-frame.html" title="Case note editor"></iframe>
  <input type="hidden" name="note">
  <button type="submit">Save note</button>
</form>
${notesList(child)}`,
};
// The same notes page, with a script that attacks the overlay (see public/hostile.js).
pages['/notes-hostile'] = pages['/notes'];

// Every editor a case-record system is known to embed, for the insertion tests (editors/, README).
const editorSections = [
  ['react', 'React-controlled textarea (MUI, Formik)', '<div id="react"></div>'],
  ['tinymce', 'TinyMCE 8', '<textarea id="tinymce"></textarea>'],
  ['ckeditor4', 'CKEditor 4', '<textarea id="ckeditor4"></textarea>'],
  ['ckeditor5', 'CKEditor 5', '<div id="ckeditor5"></div>'],
  ['quill', 'Quill 2', '<div id="quill"></div>'],
  ['tiptap', 'TipTap (ProseMirror)', '<div id="tiptap"></div>'],
  [
    'lexical',
    'Lexical',
    '<div id="lexical" class="rich-editor" role="textbox" aria-multiline="true" aria-label="Lexical case note"></div>',
  ],
  ['draftjs', 'Draft.js', '<div id="draftjs"></div>'],
  ['slate', 'Slate', '<div id="slate"></div>'],
  // An editor that puts its own content back after any change it did not make itself, as CKEditor 5
  // does to text typed by execCommand: the panel must say the text did not go in.
  [
    'reverting',
    'An editor that takes nothing',
    '<div id="reverting" class="rich-editor" role="textbox" aria-label="Reverting case note"></div>',
  ],
];
pages['/notes-editors'] = (child) => `${recordTabs(child, '/notes-editors')}
<h2>Case notes (editors)</h2>
<link rel="stylesheet" href="/vendor/quill/quill.snow.css">
<link rel="stylesheet" href="/editors/main.css">
<link rel="stylesheet" href="/editors/draft.css">
${editorSections
  .map(
    ([id, name, editor]) =>
      `<section class="editor" data-editor="${id}"><h3 id="${id}-label">${name}</h3>${editor}</section>`,
  )
  .join('\n')}
<script src="/vendor/tinymce/tinymce.min.js"></script>
<script src="/vendor/ckeditor4/ckeditor.js"></script>
<script src="/vendor/quill/quill.js"></script>
<script type="module" src="/editors/main.js"></script>
<script type="module" src="/editors/draft.js"></script>`;

// The editors' own files, as a page loads them (TinyMCE and CKEditor 4 load their parts at run time).
const root = join(here, '../..');
const vendorDirs = {
  tinymce: join(root, 'node_modules/tinymce'),
  ckeditor4: join(root, 'node_modules/ckeditor4'),
  quill: join(root, 'node_modules/quill/dist'),
};
const contentTypes = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

function childList(query) {
  const needle = query.trim().toLowerCase();
  const matches = children.filter(
    (child) =>
      !needle || child.name.toLowerCase().includes(needle) || child.id.toLowerCase().includes(needle),
  );
  const rows = matches
    .map(
      (child) =>
        `<tr><td><a href="/children/${child.id}">${escapeHtml(child.name)}</a></td><td>${child.id}</td><td>${formatDob(child.dateOfBirth)}</td><td>${escapeHtml(child.team)}</td></tr>`,
    )
    .join('');
  return layout({
    title: 'Children',
    body: `<h1>Children</h1>
<form role="search" method="get" action="/children">
  <label for="q">Search by name or person ID</label>
  <input id="q" name="q" type="search" value="${escapeHtml(query)}">
  <button type="submit">Search</button>
</form>
<table>
  <caption>${matches.length} ${matches.length === 1 ? 'child' : 'children'}</caption>
  <thead><tr><th scope="col">Name</th><th scope="col">Person ID</th><th scope="col">Date of birth</th><th scope="col">Team</th></tr></thead>
  <tbody>${rows}</tbody>
</table>`,
  });
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => {
      body += chunk;
      if (body.length > 1_000_000) reject(new Error('note too large'));
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

async function route(request, response) {
  const url = new URL(request.url ?? '/', 'http://demo.invalid');
  const send = (status, type, body) => {
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(body);
  };
  const html = (body) => send(200, 'text/html; charset=utf-8', body);

  if (url.pathname in publicFiles) {
    return send(200, publicFiles[url.pathname], readFileSync(join(here, 'public', url.pathname)));
  }
  const asset = /^\/(vendor\/(tinymce|ckeditor4|quill)|editors)\/([\w./-]+)$/.exec(url.pathname);
  if (asset && !asset[3].includes('..')) {
    let dir = vendorDirs[asset[2]];
    if (!dir) {
      await (await import('./editors/build.mjs')).buildEditors();
      dir = (await import('./editors/build.mjs')).editorsOut;
    }
    const file = join(dir, asset[3]);
    const type = contentTypes[extname(file)];
    if (!type || !existsSync(file)) return send(404, 'text/plain', '');
    return send(200, type, readFileSync(file));
  }
  // An image that holds the page's load, as a slow server or a broken frame can on a real system.
  if (url.pathname === '/slow-image') {
    const reply = setTimeout(() => send(404, 'text/plain', ''), SLOW_IMAGE_MS);
    response.on('close', () => clearTimeout(reply));
    return;
  }
  if (url.pathname === '/' || url.pathname === '/children') {
    if (url.pathname === '/') {
      response.writeHead(302, { location: '/children' });
      return response.end();
    }
    return html(childList(url.searchParams.get('q') ?? ''));
  }
  const match = /^\/children\/([A-Z0-9]+)(\/notes(?:-rich|-frame|-hostile|-editors)?)?$/.exec(url.pathname);
  const child = match && children.find((candidate) => candidate.id === match[1]);
  if (!match || !child) {
    return send(404, 'text/html; charset=utf-8', layout({ title: 'Not found', body: '<h1>Not found</h1>' }));
  }
  const section = match[2] ?? '';
  if (request.method === 'POST' && section) {
    const note = new URLSearchParams(await readBody(request)).get('note')?.trim();
    if (note) savedNotes.set(child.id, [...(savedNotes.get(child.id) ?? []), note]);
    response.writeHead(303, { location: url.pathname });
    return response.end();
  }
  return html(
    layout({
      title: `${child.name} (${child.id})`,
      header: personHeader(child),
      body: pages[section](child),
      hostile: section === '/notes-hostile',
      slow: url.searchParams.has('slow'),
    }),
  );
}

/** Serves the demo site on 127.0.0.1; port 0 picks a free port. */
export function startDemoSite({ port = DEFAULT_DEMO_PORT } = {}) {
  const server = createServer((request, response) => {
    route(request, response).catch((error) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error.message));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        url: `http://127.0.0.1:${address.port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // A slow image still waiting must not hold the server open.
            server.closeAllConnections();
          }),
      });
    });
  });
}

export const demoChildren = children;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const portArgument = process.argv.indexOf('--port');
  const port = portArgument > 0 ? Number(process.argv[portArgument + 1]) : DEFAULT_DEMO_PORT;
  const site = await startDemoSite({ port });
  console.log(`Demo case-record site: ${site.url}/children`);
}
