import { ButtonLink } from '@/components/ui/button';

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-md py-10 text-center">
      <h1 className="mb-2 text-2xl font-bold">You do not have access to this page</h1>
      <p className="mb-6 text-slate-700">It belongs to another role, or to another patient’s care. If you think this is a mistake, ask the clinic administrator.</p>
      <ButtonLink href="/" size="lg">Go to my home page</ButtonLink>
    </div>
  );
}
