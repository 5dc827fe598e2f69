import type { Problem } from '@/lib/policy';

/** Largest file read: a policy or the official holiday list is a few kilobytes; settings hold 10 MB in all. */
const LARGEST_FILE_BYTES = 1_000_000;

/** A chosen file's text, or the problem that stops it being read. */
export async function readChosenFile(
  file: File,
): Promise<{ ok: true; text: string } | { ok: false; problems: Problem[] }> {
  if (file.size > LARGEST_FILE_BYTES) {
    return {
      ok: false,
      problems: [{ path: '', message: 'The file is larger than 1 MB, so it cannot be this kind of file' }],
    };
  }
  return { ok: true, text: await file.text() };
}

/** Every problem with an imported file, each with where in the file it is, announced when it appears. */
export function ProblemList({ fileName, problems }: { fileName: string; problems: readonly Problem[] }) {
  return (
    <div role="alert" className="problems">
      <p>
        <span aria-hidden="true">⚠ </span>
        {fileName} cannot be used, and nothing has been changed.{' '}
        {problems.length === 1 ? 'One problem' : `${problems.length} problems`}:
      </p>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.path}: ${problem.message}`}>
            {problem.path ? <code>{problem.path}</code> : 'The file'}: {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
