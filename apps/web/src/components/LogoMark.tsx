/** The SafeTwin shield mark (the same drawing as public/logo.svg), inline so it needs no request. */
export function LogoMark({ size = 40 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <path d="M32 3 8 12v18c0 15.5 10.2 26.6 24 31 13.8-4.4 24-15.5 24-31V12L32 3Z" fill="#0f2233" stroke="#3fc1d9" strokeWidth="3" strokeLinejoin="round" />
      <path d="M14 35h9l4-11 6 20 5-14 3 5h9" fill="none" stroke="#f5b942" strokeWidth="3.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
