'use client';
import { useSearchParams } from 'next/navigation';
import { Notice } from '@/components/ui/notice';

/** After a password change (the form sends the user home with `?password=changed`): says so, once, under the header. */
export function PasswordChangedNotice() {
  const params = useSearchParams();
  if (params.get('password') !== 'changed') return null;
  return (
    <div className="mx-auto w-full max-w-5xl px-4 pt-4 print:hidden">
      <Notice tone="success">Your password was changed. Your other devices were signed out.</Notice>
    </div>
  );
}
