import type { CountryProfile as Profile } from '@/lib/kb/types';
import { profileRows, profileSourceLine } from '@/lib/panel/country-profile';

interface Props {
  profile: Profile;
  /** Opens a linked entry (a capital, a leader, a neighbour). */
  onSelectEntity?: (entityId: string) => void;
}

/** A country's profile: capital, leaders, government, population, neighbours … and where it comes from. */
export function CountryProfile({ profile, onSelectEntity }: Props) {
  const rows = profileRows(profile);
  if (rows.length === 0) return null;
  return (
    <section class="profile" aria-label="Country profile">
      <h3>Profile</h3>
      <dl>
        {rows.map((row) => (
          <div class="profile-row" key={row.label}>
            <dt>{row.label}</dt>
            <dd>
              {row.parts.map((part, i) =>
                'id' in part && onSelectEntity ? (
                  <button key={i} type="button" class="link" onClick={() => onSelectEntity(part.id)}>
                    {part.text}
                  </button>
                ) : (
                  part.text
                ),
              )}
            </dd>
          </div>
        ))}
      </dl>
      <p class="source">{profileSourceLine(profile)}</p>
    </section>
  );
}
