// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { recordTextAsHtml } from '@/lib/record/document';
import { recordLanded } from './case-note-readback';
import { insertAtFocus } from './insert-in-page';

// The browser runs insertAtFocus from its source text alone (scripting.executeScript with `func`), so it
// is tested the same way: rebuilt from toString in a scope with nothing of this module, it must still work.
const rebuilt = new Function(`return (${insertAtFocus.toString()});`)() as typeof insertAtFocus;

const record = 'PROFESSIONAL DIFFERENCE OF OPINION\n\nChild: A & B\nRaised by: <Sam>';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('insertAtFocus, rebuilt from its source', () => {
  it('sets a textarea’s value at its caret through the native setter, with the events React listens for', async () => {
    document.body.innerHTML = '<textarea id="note">Before after</textarea>';
    const note = document.getElementById('note') as HTMLTextAreaElement;
    const seen: string[] = [];
    note.addEventListener('input', (event) => seen.push(`input:${(event as InputEvent).data}`));
    note.addEventListener('change', () => seen.push('change'));
    // React replaces `value` on the element itself; only the prototype's setter reaches the DOM underneath.
    let ownSets = 0;
    Object.defineProperty(note, 'value', {
      configurable: true,
      get: () => Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.get?.call(note),
      set: () => ownSets++,
    });
    note.focus();
    note.setSelectionRange(7, 7);

    const answer = await rebuilt('middle ', recordTextAsHtml('middle '), location.href);
    expect(answer).toEqual({ method: 'value', before: 'Before after', after: 'Before middle after' });
    expect(seen).toEqual(['input:middle ', 'change']);
    expect(ownSets).toBe(0);
  });

  it('pastes text and HTML into an editor that takes pastes, and reads its text back', async () => {
    document.body.innerHTML = '<div contenteditable="true" id="rich"><p>Typed.</p></div>';
    const rich = document.getElementById('rich') as HTMLElement;
    rich.addEventListener('paste', (event) => {
      event.preventDefault();
      rich.insertAdjacentHTML('beforeend', event.clipboardData?.getData('text/html') ?? '');
    });
    rich.focus();

    const answer = await rebuilt(record, recordTextAsHtml(record), location.href);
    expect(answer.method).toBe('paste');
    expect(rich.innerHTML).toBe(
      '<p>Typed.</p><p>PROFESSIONAL DIFFERENCE OF OPINION</p><p>Child: A &amp; B<br>Raised by: &lt;Sam&gt;</p>',
    );
    expect(recordLanded(record, answer.before, answer.after)).toBe(true);
  });

  it('reports no field when nothing editable has the focus', async () => {
    document.body.innerHTML = '<button>Save</button>';
    document.querySelector('button')?.focus();
    expect(await rebuilt(record, '', location.href)).toEqual({ method: 'none', before: '', after: '' });
  });

  it('puts nothing in when the page has moved to another address since the child was checked', async () => {
    document.body.innerHTML = '<textarea id="note"></textarea>';
    const note = document.getElementById('note') as HTMLTextAreaElement;
    note.focus();
    const checkedAt = location.href;
    history.pushState(null, '', '/children/P100871');
    expect(await rebuilt(record, '', checkedAt)).toEqual({ method: 'moved', before: '', after: '' });
    expect(note.value).toBe('');
  });
});

describe('recordLanded', () => {
  it('holds when every character of the record is there in order, whatever the editor did to whitespace', () => {
    expect(
      recordLanded(
        record,
        'Typed.',
        `Typed.PROFESSIONAL DIFFERENCE OF\u00a0OPINIONChild: A & B\n\nRaised by: <Sam>`,
      ),
    ).toBe(true);
  });

  it('does not hold for a reverted editor, a partial record, or a record that was already there', () => {
    expect(recordLanded(record, 'Typed.', 'Typed.')).toBe(false);
    expect(recordLanded(record, '', 'PROFESSIONAL DIFFERENCE OF OPINION Child: A & B')).toBe(false);
    expect(recordLanded(record, record, record)).toBe(false);
    expect(recordLanded(record, record, `${record}\n${record}`)).toBe(true);
    expect(recordLanded('  \n', '', 'anything')).toBe(false);
  });
});
