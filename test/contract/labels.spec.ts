import { CONTRACT_STATUS_WORD, ContractStatus } from '@jobcode/contracts';
import { JOB_KIND_WORD, JOB_STATUS_WORD, JobKind, JobStatus } from '@jobcode/jobs';

import { CONTRACT_STATUS, CONTRACT_STATUS_TO_SEEKER, JOB_KIND, JOB_STATUS } from '../../apps/web/shared/labels';

describe('the words for enum values', () => {
  it('are the same in the API and on the pages (劳动者 and 用人单位, as 《劳动合同法》 says)', () => {
    expect(JOB_KIND).toEqual(JOB_KIND_WORD);
    expect(JOB_STATUS).toEqual(JOB_STATUS_WORD);
    expect(CONTRACT_STATUS).toEqual(CONTRACT_STATUS_WORD);
  });

  it('name every value of the enums', () => {
    expect(Object.keys(JOB_KIND_WORD).sort()).toEqual(Object.values(JobKind).sort());
    expect(Object.keys(JOB_STATUS_WORD).sort()).toEqual(Object.values(JobStatus).sort());
    expect(Object.keys(CONTRACT_STATUS_WORD).sort()).toEqual(Object.values(ContractStatus).sort());
    expect(Object.keys(CONTRACT_STATUS_TO_SEEKER).sort()).toEqual(Object.values(ContractStatus).sort());
  });
});
