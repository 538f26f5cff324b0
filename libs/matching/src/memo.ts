/**
 * Remembers a pure function's answers for the strings it sees most (names recur: a subject is compared
 * with hundreds of candidates, and candidates share names). Bounded: emptied when it holds `limit`.
 */
export function memoised<T>(compute: (input: string) => T, limit = 50_000): (input: string) => T {
  const answers = new Map<string, T>();
  return (input: string) => {
    const known = answers.get(input);
    if (known !== undefined) return known;
    const answer = compute(input);
    if (answers.size >= limit) answers.clear();
    answers.set(input, answer);
    return answer;
  };
}
