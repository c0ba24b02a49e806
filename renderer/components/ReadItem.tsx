import type { ReactNode } from 'react';

/** One labelled value in a read-only `<dl>`. */
export function ReadItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="read-item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
