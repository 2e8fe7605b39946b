import { assessManagerChange, managerChange, positionAfter } from '../../machines/sccif-rfc/managerChange';

/** seed 002 §"Residential family centres with no registered manager": the 28-day rule and what a change leaves. */
describe('a change of registered manager', () => {
  const absence = { change: 'absence', from: '2027-03-01', lastsDays: 42, emergency: false, interimArrangementsSatisfactory: true } as const;

  it('a known absence is notified at least 28 days before it starts: on time, nothing brought forward', () => {
    expect(assessManagerChange({ ...absence, notifiedOn: '2027-02-01' })).toMatchObject({ notifyBy: '2027-02-01', late: false, bringsForward: null });
  });

  it('a day late brings the inspection forward, with the dates in the reason', () => {
    const assessed = assessManagerChange({ ...absence, notifiedOn: '2027-02-02' });
    expect(assessed).toMatchObject({ late: true, rule: expect.stringContaining('at least 28 days before') });
    expect(assessed.bringsForward).toBe("No registered manager: the manager's absence from 2027-03-01 was notified on 2027-02-02, after 2027-02-01");
  });

  it('in an emergency, within one week of the absence starting', () => {
    expect(assessManagerChange({ ...absence, emergency: true, notifiedOn: '2027-03-08' }).late).toBe(false);
    expect(assessManagerChange({ ...absence, emergency: true, notifiedOn: '2027-03-09' }).late).toBe(true);
  });

  it('unsatisfactory interim arrangements bring it forward even when notified in time', () => {
    expect(assessManagerChange({ ...absence, notifiedOn: '2027-01-01', interimArrangementsSatisfactory: false }).bringsForward).toMatch(/arrangements in the meantime are not satisfactory/);
  });

  it('a manager leaving follows the same rule and leaves the post vacant; an appointment and a registration fill it', () => {
    const left = { change: 'left', from: '2027-03-01', emergency: false, recruitmentEvidence: 'none_or_limited', interimArrangementsSatisfactory: true, notifiedOn: '2027-03-02' } as const;
    expect(assessManagerChange(left).late).toBe(true);
    const vacant = positionAfter({ position: 'registered_manager_in_post' }, left);
    expect(vacant).toEqual({ position: 'vacant', vacantSince: '2027-03-01', recruitmentEvidence: 'none_or_limited' });
    expect(positionAfter(vacant, { ...absence, notifiedOn: '2027-01-01' })).toBe(vacant);
    const appointed = positionAfter(vacant, { change: 'appointed', from: '2027-06-01', appliedToRegister: false });
    expect(appointed).toEqual({ position: 'manager_not_registered', appointedOn: '2027-06-01', appliedToRegister: false });
    expect(positionAfter(appointed, { change: 'registered', from: '2027-09-01' })).toEqual({ position: 'registered_manager_in_post' });
    expect(assessManagerChange({ change: 'appointed', from: '2027-06-01', appliedToRegister: false })).toMatchObject({ notifyBy: null, bringsForward: null });
  });

  it('refuses an absence shorter than 28 days (no duty to notify) and unknown changes', () => {
    expect(managerChange.safeParse({ ...absence, lastsDays: 27, notifiedOn: '2027-01-01' }).error?.issues[0]?.message).toMatch(/28 days or more/);
    expect(managerChange.safeParse({ change: 'resigned', from: '2027-01-01' }).success).toBe(false);
  });
});
