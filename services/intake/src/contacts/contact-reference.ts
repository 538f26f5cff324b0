/** A reference a referrer can quote on the phone: MASH-20261122-000042. */
export function contactReference(receivedAt: Date, sequence: number): string {
  const day = receivedAt.toISOString().slice(0, 10).replace(/-/g, '');
  return `MASH-${day}-${String(sequence).padStart(6, '0')}`;
}
