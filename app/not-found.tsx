import { ButtonLink } from '@/components/ui/button';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md py-10 text-center">
      <h1 className="mb-2 text-2xl font-bold">Page not found</h1>
      <p className="mb-6 text-slate-700">The page you asked for does not exist or has moved.</p>
      <ButtonLink href="/" size="lg">Go to my home page</ButtonLink>
    </div>
  );
}
