import { Text, View } from '@tarojs/components';
import type { StationDirectoryEntry } from '@linli/types/actions/account';
import './index.scss';

export interface CommunityChoice {
  stationId: string;
  communityId: string;
}

export interface CommunityPickerProps {
  stations: readonly StationDirectoryEntry[];
  value: CommunityChoice;
  onChange: (next: CommunityChoice) => void;
}

interface AreaGroup {
  id: string;
  name: string;
  communities: StationDirectoryEntry['communities'];
}

/** A station's communities grouped by 片区, in the station's own order. */
export function groupByArea(station: StationDirectoryEntry): AreaGroup[] {
  const groups: AreaGroup[] = station.areas.map((area) => ({
    id: area.id,
    name: area.name,
    communities: station.communities.filter((community) => community.areaId === area.id),
  }));
  const known = new Set(station.areas.map((area) => area.id));
  const orphans = station.communities.filter((community) => !known.has(community.areaId));
  if (orphans.length) groups.push({ id: '_other', name: '其他', communities: orphans });
  return groups.filter((group) => group.communities.length > 0);
}

/**
 * Where I live: first the station (only asked when there is more than one), then the community,
 * as large tappable chips grouped by 片区 — easier for older hands than a picker wheel.
 */
export default function CommunityPicker({ stations, value, onChange }: CommunityPickerProps) {
  const station = stations.find((entry) => entry.id === value.stationId);
  return (
    <View className="ll-community-picker">
      {stations.length > 1 && (
        <View className="ll-community-picker__section">
          <Text className="ll-community-picker__heading">社工站</Text>
          <View className="ll-community-picker__chips" role="radiogroup" aria-label="社工站">
            {stations.map((entry) => (
              <View
                key={entry.id}
                role="radio"
                aria-checked={entry.id === value.stationId}
                className={chipClass(entry.id === value.stationId)}
                onClick={() => onChange({ stationId: entry.id, communityId: '' })}
              >
                {entry.name}
              </View>
            ))}
          </View>
        </View>
      )}
      {stations.length === 1 && station && <Text className="ll-community-picker__station">{station.name}</Text>}
      {station &&
        groupByArea(station).map((group) => (
          <View key={group.id} className="ll-community-picker__section">
            <Text className="ll-community-picker__heading">{group.name}</Text>
            <View className="ll-community-picker__chips" role="radiogroup" aria-label={group.name}>
              {group.communities.map((community) => (
                <View
                  key={community.id}
                  role="radio"
                  aria-checked={community.id === value.communityId}
                  className={chipClass(community.id === value.communityId)}
                  onClick={() => onChange({ stationId: station.id, communityId: community.id })}
                >
                  {community.name}
                </View>
              ))}
            </View>
          </View>
        ))}
      {stations.length === 0 && <Text className="ll-community-picker__hint">暂无可选择的社工站</Text>}
    </View>
  );
}

function chipClass(selected: boolean): string {
  return `ll-community-picker__chip${selected ? ' ll-community-picker__chip--selected' : ''}`;
}
