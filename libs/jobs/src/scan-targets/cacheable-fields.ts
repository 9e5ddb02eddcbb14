/**
 * The fields of an anonymous scan of a station, workshop, fair or job whose data the target
 * version covers (the target row, its jobs, their shifts and booked slots, a fair's booths, the
 * jobs' employers; regions never change): ScanResponseCache keeps whole results that ask only
 * for these. A document that asks for anything else (a job's source, an employer's other jobs,
 * a fair's booths, policy groups…) is executed as usual every time. Listed by hand on purpose:
 * a field added later is not cached until someone checks that the version covers it (and adds
 * its tables to the ScanTargetVersions triggers).
 */
export const CACHEABLE_SCAN_FIELDS: Readonly<Record<string, readonly string[]>> = {
  GigStationScan: ['station', 'jobs', 'openJobCount', 'board'],
  WorkshopScan: ['workshop', 'jobs', 'openJobCount'],
  JobFairScan: ['fair', 'jobs', 'openJobCount'],
  JobScan: ['job'],
  ScannedJob: ['job', 'distanceKm'],
  GigBoardEntry: ['job', 'shift'],
  Job: [
    'address',
    'benefits',
    'contractTerm',
    'createdAt',
    'description',
    'employer',
    'headcount',
    'id',
    'kind',
    'latitude',
    'longitude',
    'monthlyWageMax',
    'monthlyWageMin',
    'occupation',
    'occupationCode',
    'publishedAt',
    'region',
    'requirements',
    'shifts',
    'status',
    'title',
    'updatedAt',
    'validFrom',
    'validTo',
    'wageMax',
    'wageMin',
    'wageUnit',
    'workingHours',
  ],
  JobBenefits: ['board', 'lodging', 'socialInsurance', 'transport'],
  JobShift: [
    'bookedCount',
    'cancelReason',
    'date',
    'dayPay',
    'endTime',
    'id',
    'instantHiring',
    'jobId',
    'meetingPoint',
    'meetingStationId',
    'pieceRate',
    'slots',
    'slotsLeft',
    'startTime',
    'status',
  ],
  Employer: ['address', 'contactName', 'contactPhone', 'createdAt', 'creditCode', 'id', 'name', 'region', 'rejectionReason', 'reviewedAt', 'status'],
  GigStation: ['address', 'id', 'latitude', 'level', 'longitude', 'name', 'openingHours', 'region'],
  Workshop: ['address', 'certifiedOn', 'headcount', 'id', 'latitude', 'longitude', 'name', 'region', 'revocationReason', 'status'],
  JobFair: ['endsAt', 'id', 'kind', 'latitude', 'longitude', 'name', 'organiser', 'region', 'startsAt', 'totals', 'venue'],
  JobFairTotals: ['employers', 'posts'],
  Region: ['code', 'fullName', 'level', 'name', 'parentCode'],
};

/** The traits of the kinds whose scans show jobs (stations, workshops, fairs, jobs): public, versioned, cached as above. */
export const JOBS_TARGET_TRAITS = { isPublic: true, versioned: true, cacheableFields: CACHEABLE_SCAN_FIELDS } as const;
