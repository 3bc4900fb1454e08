/** "ABC DEF": a code read aloud in two halves. */
export function groupCode(code: string): [string, string] {
  const half = Math.ceil(code.length / 2);
  return [code.slice(0, half), code.slice(half)];
}
