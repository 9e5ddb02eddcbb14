/** The application mutations, with the fields the specs read back. Seekers: job-seeker.builder; jobs: job.builder. */
export const APPLY = `mutation($input: ApplyToJobInput!) { applyToJob(input: $input) { id status appliedByStaff consentNote history { from to actorAccountId } } }`;
export const MOVE = `mutation($input: MoveApplicationInput!) { moveApplication(input: $input) { id status rejectionReason history { from to reason actorAccountId } } }`;
export const WITHDRAW = `mutation($input: WithdrawApplicationInput!) { withdrawApplication(input: $input) { id status } }`;
