import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md py-10 text-center">
      <h1 className="mb-2 text-2xl font-bold">Page not found</h1>
      <p className="mb-6 text-slate-700">The page you asked for does not exist or has moved.</p>
      <Link href="/" className="inline-flex min-h-11 items-center rounded bg-teal-700 px-5 font-semibold text-white">Go to my home page</Link>
    </div>
  );
}
