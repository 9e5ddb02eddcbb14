// Moved to apps/web/shared so that the employer console's roster scans seekers' codes with it too.
export { startScanner, tokenOf } from '@shared/qr-scanner';
