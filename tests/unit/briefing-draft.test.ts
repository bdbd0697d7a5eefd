import { describe, expect, it } from 'vitest';
import { briefingSchema } from '../../shared/briefing/schema';
import { addScene, checkDraft, documentOf, draftFromBriefing, freshSceneId, keyOfServerPath, moveScene, newDraft, sameDocument, sceneKey, updateScene, type BriefingDraft } from '../../renderer/console/pages/briefings/draft';

/**
 * The briefing editor's form (renderer/console/pages/briefings/draft.ts): one move for drag
 * and Alt+arrow, faults keyed by the scene's id (so they stay with a scene that moves), the
 * server's paths mapped to the same keys, and the document exactly as the server stores it.
 */
const layout = (n: number) => ({ id: 'tong-quan-kinh-te-xa-hoi', version: 1, title: `Cảnh ${n}` });

function three(): BriefingDraft {
  let d: BriefingDraft = { ...newDraft(), id: 'giao-ban', name: 'Giao ban' };
  for (const n of [1, 2, 3]) d = addScene(d, layout(n));
  return d;
}

describe('briefing draft', () => {
  it('adds scenes with fresh ids and moves one, clamped, the same for drag and keys', () => {
    const d = three();
    expect(d.scenes.map((s) => s.id)).toEqual(['canh-1', 'canh-2', 'canh-3']);
    expect(moveScene(d, 2, 1).scenes.map((s) => s.id)).toEqual(['canh-1', 'canh-3', 'canh-2']);
    expect(moveScene(d, 2, 0).scenes.map((s) => s.id)).toEqual(['canh-3', 'canh-1', 'canh-2']);
    expect(moveScene(d, 0, -1)).toBe(d);
    expect(moveScene(d, 2, 9)).toBe(d);
    // An id freed by a removal is not reused while a later one exists.
    expect(freshSceneId([d.scenes[0]!, d.scenes[2]!])).toBe('canh-4');
  });

  it('names each fault at its field in Vietnamese, keyed by the scene id', () => {
    let d = three();
    d = updateScene(d, 1, { title: ' ', duration: 'mười', focusKind: 'province', province: '' });
    d = updateScene(d, 2, { focusKind: 'tile', duration: '2' });
    const faults = checkDraft(d, 'vi');
    expect(Object.keys(faults).sort()).toEqual([sceneKey('canh-2', 'duration'), sceneKey('canh-2', 'province'), sceneKey('canh-2', 'title'), sceneKey('canh-3', 'duration'), sceneKey('canh-3', 'tileId')].sort());
    expect(faults[sceneKey('canh-2', 'duration')]![0]).toContain('số giây nguyên từ 3 đến 3600');
    expect(checkDraft({ ...three(), id: 'Giao Ban', name: '' }, 'vi')).toMatchObject({ id: [expect.stringContaining('chữ thường')], name: ['Hãy đặt tên phiên giao ban'] });
    expect(checkDraft({ ...three(), id: 'new' }, 'en').id![0]).toContain('new-briefing page');
    expect(checkDraft(three(), 'vi')).toEqual({});
  });

  it('makes the document the server stores, and reads it back the same', () => {
    let d = updateScene(three(), 1, { focusKind: 'province', province: '48', duration: '45', notesVi: 'Đà Nẵng' });
    d = updateScene(d, 2, { focusKind: 'tile', tileId: 'thu-ngan-sach', notesEn: 'Budget' });
    const doc = documentOf(d);
    expect(briefingSchema.parse(doc)).toEqual(doc);
    expect(doc.scenes[1]).toEqual({ id: 'canh-2', title: 'Cảnh 2', layoutId: 'tong-quan-kinh-te-xa-hoi', layoutVersion: 1, focus: { kind: 'province', province: '48' }, notes: { vi: 'Đà Nẵng' }, durationS: 45 });
    expect(doc.scenes[2]!.notes).toEqual({ vi: '', en: 'Budget' });
    expect(doc.scenes[0]).not.toHaveProperty('durationS');
    expect(sameDocument(draftFromBriefing(doc), doc)).toBe(true);
    expect(sameDocument(updateScene(draftFromBriefing(doc), 0, { title: 'Khác' }), doc)).toBe(false);
  });

  it("maps the server's paths to the field of the scene as it was sent", () => {
    const doc = documentOf(three());
    expect(keyOfServerPath(doc, '$.document.scenes[2].layoutVersion')).toBe(sceneKey('canh-3', 'layoutVersion'));
    expect(keyOfServerPath(doc, '$.document.scenes[0].focus.tileId')).toBe(sceneKey('canh-1', 'tileId'));
    expect(keyOfServerPath(doc, '$.document.scenes[1].durationS')).toBe(sceneKey('canh-2', 'duration'));
    expect(keyOfServerPath(doc, '$.document.scenes[1].notes.en')).toBe(sceneKey('canh-2', 'notesEn'));
    expect(keyOfServerPath(doc, '$.document.name')).toBe('name');
    expect(keyOfServerPath(doc, '$.document.scenes[7].title')).toBe('scenes');
  });
});
