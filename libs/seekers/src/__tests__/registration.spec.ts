import { Role } from '@jobcode/common';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { requestCode } from '../../../../test/support/texted-codes';
import { idNumberFor, READ, REGISTER, registration, seekerPhone, withWrongCheckDigit } from '../../../../test/builders/job-seeker.builder';
import { GUALI, HEKOU, HOUBEI, JINJIANG } from '../../../../test/builders/regions';

interface Seeker {
  id: string;
  name: string;
  birthDate: string;
  sex: string;
  idNumber: string;
  phone: string;
  claimed: boolean;
  channel: string;
  employmentStatus: string;
  supportGroups: { code: string; name: string }[];
  region: { fullName: string };
  wantsTraining: boolean;
  fullAccess: boolean;
}

describe('job-seeker registration', () => {
  let api: TestApp;
  let guali: string;
  let hekou: string;
  beforeAll(async () => {
    api = await startTestApp();
    guali = (await api.signedIn(Role.STAFF, GUALI)).token;
    hekou = (await api.signedIn(Role.STAFF, HEKOU)).token;
  });
  afterAll(async () => api?.close());

  it('registers a person at the desk, deriving birth date and sex from the ID number and masking ID and phone', async () => {
    const idNumber = idNumberFor('19790304', 2);
    const phone = seekerPhone();
    const result = await api.gql<{ registerJobSeeker: Seeker }>(REGISTER, { input: registration({ idNumber, phone }) }, guali);
    expect(result.errors).toBeUndefined();
    const seeker = result.data!.registerJobSeeker;
    expect(seeker).toMatchObject({
      name: '李秀英',
      birthDate: '1979-03-04',
      sex: 'FEMALE',
      idNumber: `4503**********${idNumber.slice(-4)}`,
      phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      channel: 'DESK',
      claimed: false,
      employmentStatus: 'UNKNOWN',
      region: { fullName: '资源县瓜里乡金江村' },
      wantsTraining: true,
    });
    expect(seeker.supportGroups.map((g) => g.name)).toEqual(['留守妇女', '脱贫人口']);
  });

  it('refuses an ID number whose check digit is wrong, naming the field', async () => {
    const result = await api.gql(REGISTER, { input: registration({ idNumber: withWrongCheckDigit(idNumberFor()) }) }, guali);
    expect(result.errors?.[0]).toMatchObject({
      message: '身份证号校验位不正确，请逐位核对（可能有一位抄错）',
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_ID_NUMBER_CHECK', field: 'input.idNumber' },
    });
  });

  it('refuses a malformed phone, a township instead of a village and an unknown support group', async () => {
    const phone = await api.gql(REGISTER, { input: registration({ phone: '1381234567' }) }, guali);
    expect(phone.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.phone' } });
    const township = await api.gql(REGISTER, { input: registration({ regionCode: GUALI }) }, guali);
    expect(township.errors?.[0].message).toBe('户籍所在地应选到村一级，瓜里乡 是上级区划');
    const group = await api.gql(REGISTER, { input: registration({ supportGroupCodes: ['ROYALTY'] }) }, guali);
    expect(group.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.supportGroupCodes' } });
  });

  it('refuses staff registering someone outside their region', async () => {
    const result = await api.gql(REGISTER, { input: registration({ regionCode: HOUBEI }) }, guali);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', reason: 'OUT_OF_REGION' } });
  });

  it('refuses a second registration of the same ID number as CONFLICT, pointing to the first for staff who may see it', async () => {
    const idNumber = idNumberFor();
    const first = await api.gql<{ registerJobSeeker: Seeker }>(REGISTER, { input: registration({ idNumber }) }, guali);
    const again = await api.gql(REGISTER, { input: registration({ idNumber, name: '李秀英' }) }, guali);
    expect(again.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT', reason: 'ALREADY_REGISTERED', details: { existingJobSeekerId: first.data!.registerJobSeeker.id } },
    });
    expect(again.errors?.[0].message).toContain('请打开已有登记修改');

    // Staff of another township cannot use the refusal to find the record.
    const other = await api.gql(REGISTER, { input: registration({ idNumber, regionCode: HOUBEI }) }, hekou);
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
    expect(other.errors?.[0].extensions).not.toHaveProperty('details');
    const stored = await api.dataSource.query(
      'SELECT count(*)::int AS n FROM job_seeker WHERE id_number_hash = (SELECT id_number_hash FROM job_seeker WHERE id = $1)',
      [first.data!.registerJobSeeker.id],
    );
    expect(stored[0].n).toBe(1);
  });

  it('lets a seeker register once, read and edit their own profile, and see their own full ID number', async () => {
    const me = await api.signedIn(Role.SEEKER, null, '王建军');
    const idNumber = idNumberFor('19950101', 1);
    const created = await api.gql<{ registerJobSeeker: Seeker }>(REGISTER, { input: registration({ idNumber, name: '王建军', regionCode: HOUBEI }) }, me.token);
    expect(created.errors).toBeUndefined();
    expect(created.data!.registerJobSeeker).toMatchObject({ channel: 'SELF', claimed: true, sex: 'MALE' });

    const twice = await api.gql(REGISTER, { input: registration({ name: '王建军', regionCode: HOUBEI }) }, me.token);
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PROFILE_EXISTS' });

    const mine = await api.gql<{ myJobSeekerProfile: { id: string; idNumber: string } }>(`{ myJobSeekerProfile { id idNumber(full: true) } }`, {}, me.token);
    expect(mine.data!.myJobSeekerProfile.idNumber).toBe(idNumber);

    const edited = await api.gql<{ updateJobSeeker: { wantedOccupations: string[]; willingOutsideProvince: boolean } }>(
      `mutation($input: UpdateJobSeekerInput!) { updateJobSeeker(input: $input) { wantedOccupations willingOutsideProvince } }`,
      { input: { id: mine.data!.myJobSeekerProfile.id, wantedOccupations: ['保洁', '厨工'], willingOutsideProvince: true } },
      me.token,
    );
    expect(edited.data!.updateJobSeeker).toEqual({ wantedOccupations: ['保洁', '厨工'], willingOutsideProvince: true });

    const statusBySelf = await api.gql(
      `mutation($input: UpdateJobSeekerInput!) { updateJobSeeker(input: $input) { id } }`,
      { input: { id: mine.data!.myJobSeekerProfile.id, employmentStatus: 'EMPLOYED' } },
      me.token,
    );
    expect(statusBySelf.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'STAFF_ONLY_FIELD' });

    const cleared = await api.gql(
      `mutation($input: UpdateJobSeekerInput!) { updateJobSeeker(input: $input) { id } }`,
      { input: { id: mine.data!.myJobSeekerProfile.id, phone: null } },
      me.token,
    );
    expect(cleared.errors?.[0]).toMatchObject({
      message: '此项不能清空；不修改时请不要传这个字段',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.phone' },
    });
  });

  it('lets staff of the region record the employment status, and not staff of another township', async () => {
    const created = await api.gql<{ registerJobSeeker: Seeker }>(REGISTER, { input: registration() }, guali);
    const update = `mutation($input: UpdateJobSeekerInput!) { updateJobSeeker(input: $input) { employmentStatus laborCapacity } }`;
    const id = created.data!.registerJobSeeker.id;
    const ours = await api.gql(update, { input: { id, employmentStatus: 'EMPLOYED', laborCapacity: 'WEAK' } }, guali);
    expect(ours.data?.updateJobSeeker).toEqual({ employmentStatus: 'EMPLOYED', laborCapacity: 'WEAK' });
    const theirs = await api.gql(update, { input: { id, employmentStatus: 'UNEMPLOYED' } }, hekou);
    expect(theirs.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('lets a seeker claim a desk registration by name, ID number and a code texted to the phone on record, and nobody else', async () => {
    const idNumber = idNumberFor('19700808', 3);
    const phoneOnRecord = seekerPhone();
    await api.gql(REGISTER, { input: registration({ idNumber, name: '赵大山', phone: phoneOnRecord }) }, guali);
    const claim = `mutation($input: ClaimJobSeekerInput!) { claimJobSeeker(input: $input) { name claimed idNumber(full: true) phone(full: true) } }`;

    // Someone with another phone who knows the name and ID number: their own code proves nothing.
    const intruder = await api.signedIn(Role.SEEKER, null, '赵大山');
    const ownCode = await requestCode(api, intruder.phone, 'CLAIM');
    const takeover = await api.gql(claim, { input: { name: '赵大山', idNumber, code: ownCode } }, intruder.token);
    expect(takeover.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CODE_INVALID', field: 'input.code' });
    expect(takeover.errors?.[0].message).toContain(`${phoneOnRecord.slice(0, 3)}****${phoneOnRecord.slice(-4)}`);
    expect(takeover.data?.claimJobSeeker).toBeUndefined();
    const [row] = await api.dataSource.query(`SELECT account_id FROM job_seeker WHERE name = '赵大山'`);
    expect(row.account_id).toBeNull();

    const me = await api.signedIn(Role.SEEKER, null, '赵大山');
    const code = await requestCode(api, phoneOnRecord, 'CLAIM');
    const wrong = await api.gql(claim, { input: { name: '赵小山', idNumber, code } }, me.token);
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'CLAIM_MISMATCH' });
    const right = await api.gql(claim, { input: { name: '赵大山', idNumber, code } }, me.token);
    expect(right.data?.claimJobSeeker).toEqual({ name: '赵大山', claimed: true, idNumber, phone: phoneOnRecord });
    const taken = await api.gql(claim, { input: { name: '赵大山', idNumber, code } }, intruder.token);
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets the seeker and staff update a record when the support groups are read afresh (the embedded database refuses a query beside the transaction)', async () => {
    const county = await api.signedIn(Role.STAFF, '450329');
    const me = await api.signedIn(Role.SEEKER, null, '蒙春花');
    const created = await api.gql<{ registerJobSeeker: Seeker }>(REGISTER, { input: registration({ name: '蒙春花', employmentStatus: undefined }) }, me.token);
    expect(created.errors).toBeUndefined();
    const update = `mutation($input: UpdateJobSeekerInput!) { updateJobSeeker(input: $input) { skills laborCapacity } }`;
    const id = created.data!.registerJobSeeker.id;
    // Adding a group drops this process's cache, so the next update reads the groups again.
    await api.gql(
      `mutation($input: AddSupportGroupInput!) { addSupportGroup(input: $input) { code } }`,
      { input: { countyCode: '450329', code: 'ZY_BAMBOO', name: '竹编技艺传承人' } },
      county.token,
    );
    const bySeeker = await api.gql(update, { input: { id, skills: ['竹编'] } }, me.token);
    expect(bySeeker.errors).toBeUndefined();
    expect(bySeeker.data?.updateJobSeeker).toEqual({ skills: ['竹编'], laborCapacity: 'FULL' });
    await api.gql(
      `mutation($input: AddSupportGroupInput!) { addSupportGroup(input: $input) { code } }`,
      { input: { countyCode: '450329', code: 'ZY_TEA', name: '茶园管护员' } },
      county.token,
    );
    const byStaff = await api.gql(update, { input: { id, laborCapacity: 'WEAK' } }, guali);
    expect(byStaff.errors).toBeUndefined();
    expect(byStaff.data?.updateJobSeeker).toEqual({ skills: ['竹编'], laborCapacity: 'WEAK' });
    const outside = await api.gql(update, { input: { id, regionCode: HOUBEI } }, guali);
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_REGION' });
  });

  it('lets county staff add a county support group that registrations can then use', async () => {
    const county = await api.signedIn(Role.STAFF, '450329');
    const added = await api.gql(
      `mutation($input: AddSupportGroupInput!) { addSupportGroup(input: $input) { code name regionCode builtin } }`,
      { input: { countyCode: '450329', code: 'ZY_FOREST_RANGER', name: '生态护林员' } },
      county.token,
    );
    expect(added.data?.addSupportGroup).toEqual({ code: 'ZY_FOREST_RANGER', name: '生态护林员', regionCode: '450329', builtin: false });
    const byTownship = await api.gql(
      `mutation($input: AddSupportGroupInput!) { addSupportGroup(input: $input) { code } }`,
      { input: { countyCode: '450329', code: 'ZY_OTHER', name: '其他' } },
      guali,
    );
    expect(byTownship.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const registered = await api.gql<{ registerJobSeeker: Seeker }>(REGISTER, { input: registration({ supportGroupCodes: ['ZY_FOREST_RANGER'] }) }, guali);
    expect(registered.data?.registerJobSeeker.supportGroups).toEqual([{ code: 'ZY_FOREST_RANGER', name: '生态护林员' }]);
    const groups = await api.gql<{ supportGroups: { code: string }[] }>(`{ supportGroups(regionCode: "${JINJIANG}") { code } }`, {}, guali);
    expect(groups.data?.supportGroups.map((g) => g.code)).toEqual(expect.arrayContaining(['LIFTED_OUT', 'MONITORED', 'ZY_FOREST_RANGER']));
  });

  it('shows a seeker to nobody else: employers, other seekers and out-of-region staff get NOT_FOUND', async () => {
    const created = await api.gql<{ registerJobSeeker: Seeker }>(REGISTER, { input: registration() }, guali);
    const id = created.data!.registerJobSeeker.id;
    const employer = await api.signedIn(Role.EMPLOYER);
    const stranger = await api.signedIn(Role.SEEKER);
    for (const token of [employer.token, stranger.token, hekou]) {
      const result = await api.gql(READ, { id, full: true }, token);
      expect(result.data).toBeNull();
      expect(result.errors?.[0]).toMatchObject({ message: '求职登记不存在，或不在您可查看的范围内', extensions: { code: 'NOT_FOUND' } });
    }
    const list = await api.gql(`{ jobSeekers { totalCount } }`, {}, employer.token);
    expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
