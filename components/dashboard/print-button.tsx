/** The shared "Print" button (components/ui/print-button.tsx), where the reports page takes it from. */
export { PrintButton } from '@/components/ui/print-button';
