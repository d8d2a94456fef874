import { checkEditSpecification } from '../../../workflows/commission/stages/specification';
import { people } from '../fixtures';
import { LATER, ref, hashOf, editCmd, opened, edit, underReview } from './steps';

describe('editing the specification', () => {
  it('the first edit creates version 1, authored by the editor by name and id only', () => {
    const s = opened();
    const change = edit(s, 'The study will examine improvement capacity.');
    expect(s.specification.currentVersion).toBe(1);
    expect(s.specification.versions).toEqual([
      {
        version: 1,
        contentHash: hashOf('The study will examine improvement capacity.'),
        author: ref(people.officer),
        createdAt: LATER,
        changeRequests: [],
      },
    ]);
    expect(change).toEqual({
      action: 'specification-revised',
      detail: {
        specificationVersion: 1,
        contentHash: hashOf('The study will examine improvement capacity.'),
      },
      effects: [
        {
          kind: 'specification-version',
          version: 1,
          content: 'The study will examine improvement capacity.',
          contentHash: hashOf('The study will examine improvement capacity.'),
          author: ref(people.officer),
          createdAt: LATER,
        },
      ],
    });
  });

  it('repeating the identical edit is a no-op that records nothing', () => {
    const s = opened();
    edit(s, 'Same text');
    expect(edit(s, 'Same text')).toBeNull();
    expect(s.specification.versions).toHaveLength(1);
    expect(s.specification.currentVersion).toBe(1);
  });

  it('a different text makes the next version', () => {
    const s = opened();
    edit(s, 'First text');
    const change = edit(s, 'Second text', people.chair);
    expect(change?.detail).toEqual({ specificationVersion: 2, contentHash: hashOf('Second text') });
    expect(s.specification.currentVersion).toBe(2);
    expect(s.specification.versions[1].author).toEqual(ref(people.chair));
  });

  it('going back to an earlier text is a new version, not a no-op', () => {
    const s = opened();
    edit(s, 'First text');
    edit(s, 'Second text');
    expect(edit(s, 'First text')?.detail).toMatchObject({ specificationVersion: 3 });
  });

  it('the panel chair may edit', () => {
    expect(checkEditSpecification(opened(), editCmd(people.chair, 'Chair’s draft'))).toBeNull();
  });

  it('an ordinary panel member may not edit', () => {
    const s = opened();
    expect(checkEditSpecification(s, editCmd(people.wood, 'My draft'))).toMatchObject({
      code: 'not-a-member',
      stage: 'drafting',
    });
  });

  it('an officer not named on the commission may not edit', () => {
    expect(checkEditSpecification(opened(), editCmd(people.otherOfficer, 'Draft'))?.code).toBe(
      'not-a-member',
    );
  });

  it('an empty or blank specification is invalid', () => {
    const s = opened();
    expect(checkEditSpecification(s, editCmd(people.officer, ''))?.code).toBe('invalid-input');
    expect(checkEditSpecification(s, editCmd(people.officer, '  \n\t '))).toEqual({
      code: 'invalid-input',
      stage: 'drafting',
      reason: 'the specification content is empty',
    });
  });

  it('is refused as a conflict while the panel reviews a version', () => {
    const s = underReview();
    expect(checkEditSpecification(s, editCmd(people.officer, 'Late change'))).toMatchObject({
      code: 'wrong-stage',
      stage: 'panel-review',
    });
  });

  it('a non-chair member editing during review is refused for role before stage', () => {
    expect(checkEditSpecification(underReview(), editCmd(people.wood, 'Late change'))?.code).toBe(
      'not-a-member',
    );
  });

  it('checking an edit changes nothing', () => {
    const s = opened();
    const before = structuredClone(s);
    checkEditSpecification(s, editCmd(people.officer, 'Draft'));
    expect(s).toEqual(before);
  });
});
