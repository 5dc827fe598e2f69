// Draft.js on the demo's editors page, bundled apart with React 18 (package "react-18"): Draft.js
// calls ReactDOM.findDOMNode, which React 19 removed.
import { Editor, EditorState } from 'draft-js';
import 'draft-js/dist/Draft.css';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { register } from './hooks';

function DraftNote() {
  const [state, setState] = useState(() => EditorState.createEmpty());
  register('draftjs', () => state.getCurrentContent().getPlainText('\n'));
  return <Editor editorState={state} onChange={setState} ariaLabel="Draft.js case note" />;
}
createRoot(document.getElementById('draftjs') as HTMLElement).render(<DraftNote />);
