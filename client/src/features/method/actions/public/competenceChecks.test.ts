import { describe, expect, it } from 'vitest';
import { competenceRows, competenceWarnings } from './competenceChecks';

describe('the competence check of a sheet', () => {
  it('says nothing beside a competence the authority holds', () => {
    // Secondary education: the department (collèges) and the region (lycées).
    expect(competenceRows(['90-22'], 'department', 0)).toEqual([
      { code: '90-22', name: 'Enseignement du second degré', check: 'held', rule: null, noPartner: false },
    ]);
  });

  it('asks for a partner, with the rule, when the authority does not hold it, and says none is named yet', () => {
    const [row] = competenceRows(['90-22'], 'municipality', 0);
    expect(row?.check).toBe('partner-required');
    expect(row?.rule).toMatch(/département.*collèges/);
    expect(row?.noPartner).toBe(true);
  });

  it('stops saying no partner is named once the sheet has one', () => {
    expect(competenceRows(['90-822'], 'epci', 2)[0]).toMatchObject({
      check: 'partner-required',
      noPartner: false,
    });
  });

  it('marks "to check" what the authority may hold by a transfer, with the rule', () => {
    // Urban communities and metropolises may be given the collèges and lycées.
    const [row] = competenceRows(['90-22'], 'epci', 0);
    expect(row).toMatchObject({ check: 'to-check', noPartner: false });
    expect(row?.rule).not.toBeNull();
  });

  it('marks everything "to check" for a syndicate, whose statutes say what it holds', () => {
    expect(competenceRows(['90-22', '90-822'], 'syndicate', 0).map((r) => r.check)).toEqual([
      'to-check',
      'to-check',
    ]);
  });

  it('says nothing while the workshop’s kind of authority is not known', () => {
    expect(competenceRows(['90-22'], null, 0)[0]).toMatchObject({
      check: null,
      rule: null,
      noPartner: false,
    });
  });

  it('keeps the sheet’s order and names a code outside the nomenclature by itself', () => {
    const rows = competenceRows(['90-822', '90-221', '99-999'], 'epci', 0);
    expect(rows.map((r) => r.code)).toEqual(['90-822', '90-221', '99-999']);
    expect(rows[2]).toMatchObject({ name: '99-999', check: 'to-check', rule: null });
  });

  it('counts the warnings', () => {
    const rows = competenceRows(['90-22', '90-822', '90-223'], 'epci', 0);
    expect(competenceWarnings(rows)).toEqual({ partnerRequired: 2, toCheck: 1 });
  });
});
