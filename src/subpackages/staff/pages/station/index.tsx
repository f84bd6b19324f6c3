import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Station } from '@linli/types/entities/station';
import NameEditor from '@/components/name-editor';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import StaffGate from '@/components/staff-gate';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import { sessionStore } from '@/services/session';
import './index.scss';

/** One change to the station's areas and communities; each answers with the whole station. */
type StationEdit =
  | { kind: 'addArea'; name: string }
  | { kind: 'renameArea'; areaId: string; name: string }
  | { kind: 'addCommunity'; areaId: string; name: string }
  | { kind: 'renameCommunity'; communityId: string; name: string };

function applyEdit(edit: StationEdit, requestId: string): Promise<Station> {
  const options = { requestId };
  switch (edit.kind) {
    case 'addArea':
      return call('station', 'addArea', { name: edit.name }, options);
    case 'renameArea':
      return call('station', 'renameArea', { areaId: edit.areaId, name: edit.name }, options);
    case 'addCommunity':
      return call('station', 'addCommunity', { areaId: edit.areaId, name: edit.name }, options);
    case 'renameCommunity':
      return call('station', 'renameCommunity', { communityId: edit.communityId, name: edit.name }, options);
  }
}

/** Which editor an edit (and its error) belongs to. */
const editorKey = (edit: StationEdit): string =>
  edit.kind === 'addArea'
    ? 'area:new'
    : edit.kind === 'renameArea'
      ? `area:${edit.areaId}`
      : edit.kind === 'addCommunity'
        ? `community:new:${edit.areaId}`
        : `community:${edit.communityId}`;

/** 片区与社区: the director sets up the station's areas and the communities in each. */
export default function StationPage() {
  return (
    <StaffGate need="admin">
      <StationEditor />
    </StaffGate>
  );
}

function StationEditor() {
  const station = useAsync(() => call('station', 'get', {}), []);
  const edit = useAction(applyEdit);
  /** The editor that sent the last edit, so its error shows next to it. */
  const [active, setActive] = useState<string | null>(null);
  /** The area or community being renamed. */
  const [renaming, setRenaming] = useState<string | null>(null);

  const save = async (change: StationEdit): Promise<boolean> => {
    setActive(editorKey(change));
    const updated = await edit.run(change);
    if (!updated) return false;
    station.setData(updated);
    setRenaming(null);
    toastSuccess('已保存');
    // Names shown elsewhere (首页, 我的) come from the session's copy of the station.
    void sessionStore.refresh();
    return true;
  };

  const editorProps = (key: string) => ({
    pending: edit.pending && active === key,
    error: active === key ? (edit.fieldErrors.name ?? edit.error?.message) : undefined,
  });

  if (station.loading) {
    return (
      <PageShell>
        <LoadingState />
      </PageShell>
    );
  }
  if (station.error || !station.data) {
    return (
      <PageShell>
        <ErrorState error={station.error ?? { message: '加载失败' }} onRetry={station.reload} />
      </PageShell>
    );
  }
  const { areas, communities, name } = station.data;

  return (
    <PageShell className="station-page">
      <PageHeader title="片区与社区" subtitle={name} />
      {areas.length === 0 && <EmptyState title="还没有片区" description="先添加一个片区，再在片区下添加社区。" />}
      {areas.map((area) => (
        <View key={area.id} className="station-page__area">
          {renaming === `area:${area.id}` ? (
            <NameEditor
              initial={area.name}
              placeholder="片区名称"
              submitText="保存"
              {...editorProps(`area:${area.id}`)}
              onSubmit={(newName) => save({ kind: 'renameArea', areaId: area.id, name: newName })}
              onCancel={() => setRenaming(null)}
            />
          ) : (
            <View className="station-page__line">
              <Text className="station-page__area-name">{area.name}</Text>
              <Text className="station-page__link" onClick={() => setRenaming(`area:${area.id}`)}>
                改名
              </Text>
            </View>
          )}
          {communities
            .filter((community) => community.areaId === area.id)
            .map((community) =>
              renaming === `community:${community.id}` ? (
                <NameEditor
                  key={community.id}
                  initial={community.name}
                  placeholder="社区名称"
                  submitText="保存"
                  {...editorProps(`community:${community.id}`)}
                  onSubmit={(newName) => save({ kind: 'renameCommunity', communityId: community.id, name: newName })}
                  onCancel={() => setRenaming(null)}
                />
              ) : (
                <View key={community.id} className="station-page__line station-page__community">
                  <Text>{community.name}</Text>
                  <Text className="station-page__link" onClick={() => setRenaming(`community:${community.id}`)}>
                    改名
                  </Text>
                </View>
              ),
            )}
          <View className="station-page__add">
            <NameEditor
              placeholder={`在「${area.name}」下添加社区`}
              submitText="添加"
              {...editorProps(`community:new:${area.id}`)}
              onSubmit={(newName) => save({ kind: 'addCommunity', areaId: area.id, name: newName })}
            />
          </View>
        </View>
      ))}
      <View className="station-page__new-area">
        <Text className="station-page__heading">添加片区</Text>
        <NameEditor
          placeholder="片区名称，例如：东片"
          submitText="添加"
          {...editorProps('area:new')}
          onSubmit={(newName) => save({ kind: 'addArea', name: newName })}
        />
      </View>
    </PageShell>
  );
}
