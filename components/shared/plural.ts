/** "1 escalation", "2,000 escalations": a count with its noun, the thousands grouped as in the UK. */
export const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
