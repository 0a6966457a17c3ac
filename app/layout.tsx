import type { Metadata, Viewport } from 'next';
import './globals.css';
import { SiteHeader } from '@/components/layout/site-header';
import { SkipLink } from '@/components/layout/skip-link';

export const metadata: Metadata = {
  title: { default: 'E-Health', template: '%s · E-Health' },
  description: 'Electronic health records for small clinics: patients, appointments, visits, reports.',
  icons: { icon: '/icon.svg' },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0f766e' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <SkipLink target="main" />
        <SiteHeader />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl px-4 py-6 focus:outline-none">{children}</main>
      </body>
    </html>
  );
}
