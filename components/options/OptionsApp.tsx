import { type StoredDataSource, useStoredData } from '@/components/shared/useStoredData';
import type { DataClient } from '@/lib/storage';
import { DataSection } from './DataSection';

interface OptionsAppProps {
  source: StoredDataSource;
  client: DataClient;
}

export function OptionsApp({ source, client }: OptionsAppProps) {
  const data = useStoredData(source);
  return (
    <main className="options">
      <h1>Escalation overlay settings</h1>
      {data ? <DataSection data={data} client={client} /> : <p role="status">Loading…</p>}
    </main>
  );
}
