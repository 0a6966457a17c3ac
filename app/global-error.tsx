'use client';

/** Last-resort error page when the root layout itself fails: plain, no stack trace. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem', textAlign: 'center' }}>
        <h1>Something went wrong</h1>
        <p>It has been logged. Please reload the page.{error.digest ? ` Reference: ${error.digest}` : ''}</p>
        <a href="/">Home</a>
      </body>
    </html>
  );
}
