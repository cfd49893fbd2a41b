'use client';

import styles from './Brief.module.css';

/** Opens the browser's print dialog (the page's print CSS lays the brief out on A4). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className={styles.print} onClick={() => window.print()} data-testid="brief-print">
      {label}
    </button>
  );
}
