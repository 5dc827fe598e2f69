import { useEffect, useState } from 'react';
import type { StoredData, StoredDataSource } from '@/lib/storage';

/** The stored data, kept up to date as the background writes; undefined until first loaded. */
export function useStoredData(source: StoredDataSource): StoredData | undefined {
  const [data, setData] = useState<StoredData>();
  useEffect(() => {
    let current = true;
    const stop = source.watch((next) => setData(next));
    void source.load().then((loaded) => {
      if (current) setData((existing) => existing ?? loaded);
    });
    return () => {
      current = false;
      stop();
    };
  }, [source]);
  return data;
}
