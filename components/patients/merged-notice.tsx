import Link from 'next/link';
import { Notice } from '@/components/ui/notice';

/** What a page shows for a patient record merged into another: a notice linking to the record it went into (`href`). */
export function MergedNotice({ href }: { href: string }) {
  return (
    <Notice tone="info" as="div" data-testid="merged-notice">
      This patient record was merged into another one. <Link className="font-semibold underline" href={href}>Open the record it was merged into</Link>.
    </Notice>
  );
}
