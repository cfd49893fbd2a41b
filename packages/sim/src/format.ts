// Numbers in explanations and warnings, rounded for people (raw floats such as 283.84999999999997 K read as noise).

/** v rounded to at most `decimals` decimals, trailing zeros dropped: fmt(283.84999999999997, 1) = '283.8', fmt(4, 1) = '4'. */
export function fmt(v: number, decimals: number): string {
  return String(Number(v.toFixed(decimals)));
}
