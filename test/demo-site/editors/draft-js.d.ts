// Draft.js ships no types; the little the demo's editors page uses of it.
declare module 'draft-js' {
  import type { ComponentType } from 'react';
  export interface EditorState {
    getCurrentContent(): { getPlainText(separator?: string): string };
  }
  export const EditorState: { createEmpty(): EditorState };
  export const Editor: ComponentType<{
    editorState: EditorState;
    onChange(state: EditorState): void;
    ariaLabel?: string;
  }>;
}
