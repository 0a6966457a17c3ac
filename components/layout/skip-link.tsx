/**
 * "Skip to main content": the first thing Tab reaches on every page, hidden until focused, then shown
 * over the header's top-left corner. It jumps to the element with id `target` (the page's `<main>`,
 * which takes focus through `tabIndex={-1}`).
 */
export function SkipLink({ target }: { target: string }) {
  return (
    <a
      href={`#${target}`}
      className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:inline-flex focus:min-h-11 focus:items-center focus:rounded focus:bg-white focus:px-4 focus:font-semibold focus:text-teal-900 focus:shadow-lg focus:outline-2 focus:outline-offset-2 focus:outline-teal-700 print:hidden"
    >
      Skip to main content
    </a>
  );
}
