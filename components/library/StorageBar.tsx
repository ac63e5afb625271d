import { formatBytes, type StorageStatus } from '@/lib/library/storage';

export interface StorageBarProps {
  status: StorageStatus | undefined;
  busy?: string;
  error?: string;
  notice?: string;
  onExport: () => void;
  onImport: (file: File) => void;
}

/** Space used, whether the browser keeps the data, export and import, and what they said. Props only. */
export function StorageBar({ status, busy, error, notice, onExport, onImport }: StorageBarProps) {
  return (
    <section class="storage" aria-label="Storage, export and import">
      <p class="space">
        {status?.usage !== undefined
          ? `Space used: ${formatBytes(status.usage)}${status.quota ? ` of ${formatBytes(status.quota)} available` : ''}.`
          : 'Space used: unknown.'}{' '}
        {status?.persisted === true
          ? 'Kept by the browser even when disk space runs low.'
          : status?.persisted === false
            ? 'The browser may clear it when disk space runs low: export the library now and then.'
            : ''}
      </p>
      <div class="transfer">
        <button type="button" class="export" onClick={onExport} disabled={busy !== undefined}>
          Export library (JSON)
        </button>
        <label class="import">
          Import…
          <input
            type="file"
            accept=".json,application/json"
            disabled={busy !== undefined}
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (file) onImport(file);
            }}
          />
        </label>
        {busy && <span class="busy">{busy}</span>}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
    </section>
  );
}
