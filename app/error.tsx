'use client';
import { Button, ButtonLink } from '@/components/ui/button';

/** The friendly page for an unexpected error: no stack trace, a way back, the reference to quote. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-md py-10 text-center">
      <h1 className="mb-2 text-2xl font-bold">Something went wrong</h1>
      <p className="mb-6 text-slate-700">It has been logged. Try again, or go back to your home page.{error.digest ? ` Reference: ${error.digest}` : ''}</p>
      <div className="flex justify-center gap-3">
        <Button type="button" variant="secondary" size="lg" onClick={reset}>Try again</Button>
        <ButtonLink href="/" size="lg">Home</ButtonLink>
      </div>
    </div>
  );
}
